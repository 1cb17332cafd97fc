export const CHROMIUM_PATH: string;
export function ensureChromium(log?: (line: string) => void): string;
