import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What one run of the CLI cost, from spawning `node` to its exit. */
export interface CliRunFolderMeasurement {
  readonly kind: 'cli-run-folder';
  readonly workload: 'large-data' | 'long-history';
  readonly command: string;
  /** Wall clock from spawning `node` to its exit, run folder written. */
  readonly seconds: number;
  /** From the progress line's last epoch to the exit: charts rendered, files written, renamed. */
  readonly writeSeconds: number;
  /** Peak resident set of the CLI process. */
  readonly peakRssMb: number;
  readonly runFolderComplete: boolean;
  /** `seconds` for large-data, `writeSeconds` for long-history. */
  readonly target: {
    readonly seconds?: number;
    readonly writeSeconds?: number;
    readonly peakRssMb?: number;
  };
  readonly met: boolean;
}

const WORKLOADS = {
  'large-data': {
    flags: ['--n', '1000000', '--batch-size', '1024', '--epochs', '2'],
    lastEpoch: 'epoch 2/2',
    target: { seconds: 15, peakRssMb: 400 },
  },
  'long-history': {
    flags: ['--epochs', '200000'],
    lastEpoch: 'epoch 200000/200000',
    target: { writeSeconds: 1.5 },
  },
} as const;

/** The workloads of {@link measureCliRunFolder}. */
export const CLI_RUN_FOLDER_WORKLOADS = Object.keys(WORKLOADS) as (keyof typeof WORKLOADS)[];

// Runs inside the CLI's process, so that its own peak RSS is reported when it exits.
const REPORT_RSS =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: code for the child process, its own template string
  "process.on('exit', () => process.stderr.write(`\\npeak-rss-kb ${process.resourceUsage().maxRSS}\\n`));";

/**
 * Runs `epochlab run line` on one of the run-folder workloads, the way a user
 * does (`node apps/cli/dist/bin.js ... --out <tmp>`, stderr piped so the
 * progress comes as plain lines), and measures the whole run, the part after
 * training (rendering the charts and writing the folder), and the peak RSS.
 * large-data: a million points, two epochs (target under 15 s and 400 MB);
 * long-history: 200,000 epochs with validation every 10 (writing under 1.5 s).
 */
export function measureCliRunFolder(
  repoRoot: string,
  workload: keyof typeof WORKLOADS,
): Promise<CliRunFolderMeasurement> {
  const spec = WORKLOADS[workload];
  const bin = join(repoRoot, 'apps/cli/dist/bin.js');
  const parent = mkdtempSync(join(tmpdir(), 'epochlab-bench-'));
  const out = join(parent, 'run');
  const args = ['run', 'line', ...spec.flags, '--backend', 'cpu', '--out', out];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let trainedAt: number | undefined;
    let stderr = '';
    const child = spawn(
      process.execPath,
      ['--import', `data:text/javascript,${encodeURIComponent(REPORT_RSS)}`, bin, ...args],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (trainedAt === undefined && stderr.includes(spec.lastEpoch)) trainedAt = performance.now();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ended = performance.now();
      try {
        if (code !== 0) throw new Error(`the CLI failed (exit ${code}): ${stderr}`);
        const rss = /peak-rss-kb (\d+)/.exec(stderr);
        const seconds = (ended - started) / 1000;
        const writeSeconds = (ended - (trainedAt ?? started)) / 1000;
        const peakRssMb = Number(rss?.[1] ?? Number.NaN) / 1024;
        const runFolderComplete = [
          'summary.json',
          'history.json',
          'fit.png',
          'loss.png',
          'model',
        ].every((file) => existsSync(join(out, file)));
        const target = spec.target as CliRunFolderMeasurement['target'];
        const met =
          runFolderComplete &&
          (target.seconds === undefined || seconds < target.seconds) &&
          (target.peakRssMb === undefined || peakRssMb < target.peakRssMb) &&
          (target.writeSeconds === undefined || writeSeconds < target.writeSeconds);
        resolve({
          kind: 'cli-run-folder',
          workload,
          command: `node apps/cli/dist/bin.js ${args.slice(0, -1).join(' ')} <tmp>`,
          seconds,
          writeSeconds,
          peakRssMb,
          runFolderComplete,
          target,
          met,
        });
      } catch (error) {
        reject(error);
      } finally {
        rmSync(parent, { recursive: true, force: true });
      }
    });
  });
}
