/** Backend names a page can ask for, `auto` first. */
export const WEB_BACKENDS = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
/** A backend name the page can ask for. */
export type WebBackend = (typeof WEB_BACKENDS)[number];
