import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PYTHON } from './torch-reference.js';

/**
 * The sweep-grid workload: 36 configurations (6 learning rates x 6 momenta)
 * x 8 seeds x 2000 epochs of the notebook's line with validation, as the
 * `epochlab sweep` command runs it, and as `anchors/sweep_grid.py` runs it
 * in a loop of the notebook's PyTorch code.
 */
export const SWEEP_GRID = {
  lr: '0.0001,0.0003,0.001,0.003,0.01,0.03',
  momentum: '0,0.3,0.6,0.8,0.9,0.95',
  seeds: 8,
  epochs: 2000,
} as const;

const RUN_EPOCHS = 36 * SWEEP_GRID.seeds * SWEEP_GRID.epochs;

/** One `epochlab sweep` of the grid. */
export interface SweepGridMeasurement {
  readonly kind: 'sweep-grid';
  /** Worker threads, as `timings.json` records them. */
  readonly workers: number;
  /** Training seconds (the CLI's `timings.json`: pool start to last batch). */
  readonly seconds: number;
  /** Spawn to exit: Node's start, the charts and the files included. */
  readonly wallSeconds: number;
  readonly runEpochsPerSecond: number;
  /** Seconds from the pool's start until every thread had its modules and backend and trained. */
  readonly startupSeconds: number;
  /** Seconds the threads waited at the end for the last batch, summed over threads. */
  readonly idleAtEndSeconds: number;
  /** Batches the sweep was cut into. */
  readonly batches: number;
  /**
   * Seconds the threads spent training, summed: the same runs cost the same
   * here whatever the worker count, unless running side by side slows each
   * core down (shared caches, memory, a host's hyperthreads).
   */
  readonly busySeconds: number;
}

/** What the bench reads of `timings.json`. */
interface SweepTimings {
  readonly workers: number;
  readonly seconds: number;
  readonly timeline: {
    readonly threads: readonly {
      readonly firstTraining: number;
      readonly idleAtEnd: number;
      readonly busy: number;
    }[];
    readonly batches: readonly unknown[];
  };
}

const sweepArgs = (repoRoot: string) => [
  join(repoRoot, 'apps/cli/dist/bin.js'),
  'sweep',
  'line',
  '--lr',
  SWEEP_GRID.lr,
  '--momentum',
  SWEEP_GRID.momentum,
  '--epochs',
  String(SWEEP_GRID.epochs),
  '--seeds',
  String(SWEEP_GRID.seeds),
  '--backend',
  'cpu',
  '--quiet',
];

function runSweep(repoRoot: string, extra: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [...sweepArgs(repoRoot), ...extra], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`epochlab sweep failed: ${run.stderr}`);
  return (performance.now() - started) / 1000;
}

/** Times the grid with `workers` worker threads. */
export function measureSweepGrid(repoRoot: string, workers: number): SweepGridMeasurement {
  const parent = mkdtempSync(join(tmpdir(), 'epochlab-sweep-bench-'));
  try {
    const out = join(parent, 'sweep');
    const wallSeconds = runSweep(repoRoot, ['--workers', String(workers), '--out', out]);
    const timings = JSON.parse(readFileSync(join(out, 'timings.json'), 'utf8')) as SweepTimings;
    const { threads } = timings.timeline;
    return {
      kind: 'sweep-grid',
      workers: timings.workers,
      seconds: timings.seconds,
      wallSeconds,
      runEpochsPerSecond: RUN_EPOCHS / timings.seconds,
      startupSeconds: Math.max(...threads.map((thread) => thread.firstTraining)),
      idleAtEndSeconds: threads.reduce((sum, thread) => sum + thread.idleAtEnd, 0),
      batches: timings.timeline.batches.length,
      busySeconds: threads.reduce((sum, thread) => sum + thread.busy, 0),
    };
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

/** The files a merge of shards must reproduce byte for byte (all but `timings.json` and the charts). */
const RESULT_FILES = [
  'sweep.json',
  'runs.json',
  'runs.csv',
  'configurations.json',
  'configurations.csv',
  'curves.json',
  'best.json',
];

/**
 * Runs the grid as 2 shards (one after the other, all cores each), merges
 * them, runs it unsharded, and compares the result files byte for byte.
 */
export function shardedSweepGridIdentical(repoRoot: string): {
  readonly kind: 'sweep-grid-shards';
  readonly shards: 2;
  readonly identical: boolean;
  readonly differing: string[];
} {
  const parent = mkdtempSync(join(tmpdir(), 'epochlab-sweep-shards-'));
  try {
    const workers = String(availableParallelism());
    for (const shard of ['1/2', '2/2']) {
      runSweep(repoRoot, [
        '--workers',
        workers,
        '--shard',
        shard,
        '--out',
        join(parent, shard.replace('/', '-of-')),
      ]);
    }
    runSweep(repoRoot, ['--workers', workers, '--out', join(parent, 'whole')]);
    const merge = spawnSync(
      process.execPath,
      [
        join(repoRoot, 'apps/cli/dist/bin.js'),
        'sweep',
        'merge',
        join(parent, '1-of-2'),
        join(parent, '2-of-2'),
        '--out',
        join(parent, 'merged'),
        '--quiet',
      ],
      { encoding: 'utf8' },
    );
    if (merge.status !== 0) throw new Error(`epochlab sweep merge failed: ${merge.stderr}`);
    const differing = RESULT_FILES.filter(
      (name) =>
        readFileSync(join(parent, 'merged', name), 'utf8') !==
        readFileSync(join(parent, 'whole', name), 'utf8'),
    );
    return { kind: 'sweep-grid-shards', shards: 2, identical: differing.length === 0, differing };
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

/**
 * `anchors/sweep_grid.py`: the same grid in a loop of the notebook's PyTorch
 * code; by default a sample of it (every configuration, seed 0 only: each run
 * does the same work per epoch, so the rate is the whole grid's), `full` for
 * all 8 seeds (about seven minutes on the 2-core machine). Its `sample` field
 * says which.
 */
export function torchSweepGrid(full = false): {
  readonly kind: 'pytorch';
  readonly [field: string]: unknown;
} {
  const script = resolve(dirname(fileURLToPath(import.meta.url)), '../anchors/sweep_grid.py');
  const run = spawnSync(
    PYTHON,
    [script, '--epochs', String(SWEEP_GRID.epochs), ...(full ? ['--full'] : [])],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`sweep_grid.py failed: ${run.stderr}`);
  return { kind: 'pytorch', ...(JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as object) };
}

/** One round of the sweep grid: 1 worker, then every core (the same measurement on 1 core). */
export interface SweepGridRound {
  readonly one: SweepGridMeasurement;
  readonly all: SweepGridMeasurement;
}

/**
 * The sweep grid's rounds as a table for people (the JSON lines carry the
 * same numbers): per round and core count, seconds, run-epochs/s, the
 * speed-up over that round's 1 worker, and where the time went besides training.
 */
export function sweepGridTable(rounds: readonly SweepGridRound[]): string {
  const rows = rounds.flatMap(({ one, all }, round) =>
    (one === all ? [one] : [one, all]).map(
      (m) =>
        `| ${round + 1} | ${m.workers} | ${m.seconds.toFixed(2)} | ${m.wallSeconds.toFixed(2)} | ${Math.round(m.runEpochsPerSecond).toLocaleString('en-US')} | ${(m.runEpochsPerSecond / one.runEpochsPerSecond).toFixed(2)}x | ${m.startupSeconds.toFixed(2)} | ${m.idleAtEndSeconds.toFixed(2)} | ${m.batches} | ${m.busySeconds.toFixed(2)} |`,
    ),
  );
  return [
    'sweep-grid: 36 configurations x 8 seeds x 2000 epochs, cpu',
    '| round | workers | training s | wall s | run-epochs/s | speed-up | start-up s | idle at end s | batches | busy s, all threads |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
