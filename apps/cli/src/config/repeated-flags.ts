import { UsageError } from './usage-error.js';

/**
 * Refuses a flag given twice (`--lr 0.1 --lr 0.2`), which would otherwise
 * silently take the last value and hide a mistake in the first. `--shuffle`
 * and `--no-shuffle` count as one flag. Reads `argv` as typed, before the
 * parser, so it does not depend on how the flags are declared; stops at `--`.
 */
export function refuseRepeatedFlags(argv: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const arg of argv) {
    if (arg === '--') return;
    if (!arg.startsWith('--')) continue;
    const typed = arg.split('=')[0] as string;
    const name = typed.replace(/^--no-/, '--');
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      const both =
        earlier === typed ? `${typed} is given twice` : `${earlier} and ${typed} are both given`;
      throw new UsageError(`${both}; give it once`);
    }
    seen.set(name, typed);
  }
}
