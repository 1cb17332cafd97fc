import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The CLI's end-to-end time for the notebook's line experiment. */
export interface CliMeasurement {
  readonly kind: 'cli';
  readonly command: string;
  /** Wall clock from spawning `node` to its exit, run folder written. */
  readonly seconds: number;
  /** Whether the run folder holds the summary and both charts. */
  readonly runFolderComplete: boolean;
  readonly target: 3;
  readonly met: boolean;
}

/**
 * Spawns `node apps/cli/dist/bin.js run line --backend cpu --quiet --out <tmp>`
 * (20000 epochs with validation every 10, charts and model written) and times it.
 */
export function measureCli(repoRoot: string): CliMeasurement {
  const bin = join(repoRoot, 'apps/cli/dist/bin.js');
  const parent = mkdtempSync(join(tmpdir(), 'epochlab-bench-'));
  const out = join(parent, 'run');
  const args = [bin, 'run', 'line', '--backend', 'cpu', '--quiet', '--out', out];
  try {
    const started = performance.now();
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    const seconds = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`the CLI failed: ${run.stderr}`);
    const runFolderComplete = ['summary.json', 'fit.png', 'loss.png', 'fit.svg', 'loss.svg'].every(
      (file) => existsSync(join(out, file)),
    );
    return {
      kind: 'cli',
      command: `node apps/cli/dist/bin.js ${args.slice(1, -1).join(' ')} <tmp>`,
      seconds,
      runFolderComplete,
      target: 3,
      met: runFolderComplete && seconds < 3,
    };
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}
