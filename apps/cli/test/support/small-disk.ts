import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CliProcessOptions } from '../run-cli.js';

/** The preload that simulates a full or busy disk (see the file). */
export const SIMULATED_DISK = fileURLToPath(new URL('./simulated-disk.mjs', import.meta.url));

/**
 * A small file system at `path` for the tests of a full disk: a real tmpfs of
 * `kilobytes` when this process may mount one (root with CAP_SYS_ADMIN, as
 * on the development machines), otherwise a plain folder with the CLI run
 * under `simulated-disk.mjs` so that writes fail with ENOSPC after that many
 * bytes and statfs reports that much free. `processOptions` says how to run
 * the CLI on it; `unmount` removes it.
 */
export function smallDisk(
  path: string,
  kilobytes: number,
): { real: boolean; processOptions: CliProcessOptions; unmount: () => void } {
  mkdirSync(path, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', path], {
      stdio: 'ignore',
    });
    return {
      real: true,
      processOptions: {},
      unmount: () => {
        execFileSync('umount', [path]);
        rmSync(path, { recursive: true, force: true });
      },
    };
  } catch {
    const bytes = String(kilobytes * 1024);
    return {
      real: false,
      processOptions: {
        nodeArgs: ['--import', SIMULATED_DISK],
        env: { SIMULATED_DISK_FULL_AFTER: bytes, SIMULATED_DISK_FREE_BYTES: bytes },
      },
      unmount: () => rmSync(path, { recursive: true, force: true }),
    };
  }
}
