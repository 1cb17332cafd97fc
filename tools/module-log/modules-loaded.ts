import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `node --import` this to log every module a process loads (see module-log.mjs). */
export const MODULE_LOG_PRELOAD = fileURLToPath(new URL('./module-log.mjs', import.meta.url));

/** One module a process loaded, and how: through the ES-module loader or CommonJS `require`. */
export interface LoadedModule {
  readonly how: 'import' | 'require';
  readonly url: string;
}

/**
 * Runs `node <args>` in `cwd` with the module log and returns its stdout and
 * every module it loaded (each once, in load order).
 */
export function modulesLoaded(
  args: readonly string[],
  cwd: string,
): { stdout: string; modules: LoadedModule[] } {
  const folder = mkdtempSync(join(tmpdir(), 'module-log-'));
  const log = join(folder, 'modules.txt');
  try {
    const stdout = execFileSync(process.execPath, ['--import', MODULE_LOG_PRELOAD, ...args], {
      cwd,
      env: { ...process.env, MODULE_LOG: log },
      encoding: 'utf8',
    });
    const lines = new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean));
    const modules = [...lines].map((line) => {
      const [how, url] = line.split(' ') as ['import' | 'require', string];
      return { how, url };
    });
    return { stdout, modules };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
