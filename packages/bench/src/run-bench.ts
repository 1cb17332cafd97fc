/**
 * `pnpm bench`: every workload of BENCHMARKS.md on the cpu and wasm backends,
 * PyTorch's reference variants when `/usr/bin/python3` has torch, the ratios,
 * and the CLI's end-to-end time, also on a million points and on a 200,000-epoch
 * history (wall time, time to write the folder, peak RSS). One JSON line per
 * result on stdout.
 *
 * Each number is the best of `--repeat N` runs (default 3; all are listed in
 * `values`): the machine's load only ever slows a run down. The runs of one
 * workload are interleaved (epochlab's and PyTorch's, one of each per round),
 * so load that drifts during the bench cannot favour one side. PyTorch's
 * thread settings (its intra-op and inter-op threads, and its BLAS's) are
 * printed first.
 *
 * `sweep-grid` (`epochlab sweep` of 36 configurations x 8 seeds x 2000 epochs
 * on 1 worker and on every core, with a table of both on stderr, its 2 shards
 * merged and compared with the unsharded sweep, and PyTorch's loop over a
 * sample of the same grid, the whole grid with `--full-torch-grid`) runs
 * once, not repeated.
 *
 * Then the own-data section (`runOwnDataBench`): a generated CSV of 1e6 and
 * 4e6 rows, parsed, trained on for one epoch from memory and streamed, with
 * the streaming path's peak RSS, and PyTorch reading the same file.
 *
 * The size table (`runSizeTable`, `src/size-table/`): networks of width 32 to 1024 and
 * depth 8, batches of 1 to the full data, data of 1e3 to 1e6 points, each against PyTorch
 * with one thread and with one per core, with the ratios, the crossovers and peak
 * RSS; the table itself goes to stderr as Markdown. `--workload size-table` runs it alone.
 *
 * Flags: `--workload ID` (repeatable; `sweep-grid` and `size-table` too), `--backend NAME` (repeatable),
 * `--generic` (also measure the generic path), `--repeat N`, `--no-torch`, `--no-cli`,
 * `--no-own-data`, `--only-own-data` (that section alone), `--full-torch-grid`.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_RUN_FOLDER_WORKLOADS, measureCliRunFolder } from './cli-run-folder.js';
import { measureCli } from './cli-wall-time.js';
import type { EpochlabMeasurement } from './measure-workload.js';
import { median } from './median.js';
import { runOwnDataBench } from './own-data/own-data-bench.js';
import { computeRatios } from './ratios.js';
import { runSizeTable } from './size-table/run-size-table.js';
import {
  measureSweepGrid,
  type SweepGridRound,
  shardedSweepGridIdentical,
  sweepGridTable,
  torchSweepGrid,
} from './sweep-grid.js';
import {
  runTorchAnchor,
  TORCH_VARIANTS,
  type TorchMeasurement,
  torchThreads,
  torchUnavailable,
} from './torch-reference.js';
import { WORKLOAD_IDS, WORKLOAD_METRICS, type WorkloadId } from './workloads.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const anchor =
  process.env.EPOCHLAB_TORCH_ANCHOR ?? resolve(repoRoot, '../shared/anchors/torch_anchor.py');

function print(line: object): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function valuesOf(flag: string, args: readonly string[]): string[] {
  const values: string[] = [];
  args.forEach((arg, index) => {
    if (arg === flag && args[index + 1] !== undefined) values.push(args[index + 1] as string);
  });
  return values;
}

function measureInChild(workload: WorkloadId, backend: string, path: string): EpochlabMeasurement {
  const run = spawnSync(
    process.execPath,
    [join(here, 'workload-process.js'), workload, backend, path],
    {
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`${workload} on ${backend} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as EpochlabMeasurement;
}

const args = process.argv.slice(2);
const workloadArgs = valuesOf('--workload', args);
const onlyOwnData = args.includes('--only-own-data');
const selected = onlyOwnData
  ? []
  : workloadArgs.length > 0
    ? (workloadArgs as WorkloadId[]).filter((id) => WORKLOAD_IDS.includes(id))
    : [...WORKLOAD_IDS];
const sweepGrid =
  !onlyOwnData && (workloadArgs.length === 0 || workloadArgs.includes('sweep-grid'));
const sizeTable =
  !onlyOwnData && (workloadArgs.length === 0 || workloadArgs.includes('size-table'));
/** `--workload size-table` alone: nothing but the table. */
const onlySizeTable = workloadArgs.length > 0 && workloadArgs.every((id) => id === 'size-table');
const backendArgs = valuesOf('--backend', args);
const backends = backendArgs.length > 0 ? backendArgs : ['cpu', 'wasm'];
const paths = args.includes('--generic') ? ['auto', 'generic'] : ['auto'];

print({
  kind: 'machine',
  date: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
});

const repeats = Math.max(1, Number(valuesOf('--repeat', args).at(-1) ?? 3) || 3);
const unavailable = args.includes('--no-torch') ? 'skipped (--no-torch)' : torchUnavailable(anchor);
if (unavailable !== undefined) print({ kind: 'pytorch', skipped: unavailable });
else print(torchThreads());

/**
 * The best of `repeats` measurements, with every value seen: the highest
 * `value`, or the lowest with `lowerIsBetter` (times).
 */
function best<T>(
  measure: () => T,
  value: (measurement: T) => number,
  lowerIsBetter = false,
): T & { values: number[] } {
  const all: T[] = [];
  for (let k = 0; k < repeats; k++) all.push(measure());
  const values = all.map(value);
  const top = values.reduce((best, v) => (lowerIsBetter ? Math.min(best, v) : Math.max(best, v)));
  return { ...(all[values.indexOf(top)] as T), values };
}

/**
 * The best of `repeats` rounds of several measurements taken in turn (round
 * k measures every one once before round k + 1 starts), so that a change in
 * the machine's load falls on every side alike instead of on whichever side
 * ran in that block. Each is kept with all its values.
 */
function bestInterleaved<T>(
  measures: readonly (() => T)[],
  value: (measurement: T) => number,
): (T & { values: number[] })[] {
  const rounds: T[][] = measures.map(() => []);
  for (let k = 0; k < repeats; k++) {
    for (const [index, measure] of measures.entries()) rounds[index]?.push(measure());
  }
  return rounds.map((all) => {
    const values = all.map(value);
    const top = values.reduce((a, b) => Math.max(a, b));
    return { ...(all[values.indexOf(top)] as T), values };
  });
}

// Workload by workload, every epochlab and PyTorch measurement in turn, round after round.
const epochlab: EpochlabMeasurement[] = [];
const torch: TorchMeasurement[] = [];
for (const workload of selected) {
  const ours = backends.flatMap((backend) =>
    paths.map((path) => () => measureInChild(workload, backend, path)),
  );
  const theirs =
    unavailable === undefined
      ? TORCH_VARIANTS.map((variant) => () => runTorchAnchor(anchor, workload, variant))
      : [];
  const measured = bestInterleaved<EpochlabMeasurement | TorchMeasurement>(
    [...ours, ...theirs],
    (m) => (m.kind === 'pytorch' ? Number(m[WORKLOAD_METRICS[workload]]) : m.value),
  );
  for (const measurement of measured) {
    if (measurement.kind === 'pytorch') torch.push(measurement);
    else epochlab.push(measurement);
    print(measurement);
  }
}
for (const ratio of computeRatios(epochlab, torch)) print(ratio);

if (sweepGrid) {
  // The CLI's sweep on 1 worker and on every core, in pairs (round k runs both before round
  // k + 1), then the same grid in PyTorch, in one run. The speed-up is the median of the
  // rounds' ratios: on a shared machine one pair can land in a slow spell and the other not.
  const cores = availableParallelism();
  const rounds: SweepGridRound[] = [];
  for (let k = 0; k < repeats; k++) {
    const one = measureSweepGrid(repoRoot, 1);
    print(one);
    const all = cores > 1 ? measureSweepGrid(repoRoot, cores) : one;
    if (cores > 1) print(all);
    rounds.push({ one, all });
  }
  const ratios = rounds.map(({ one, all }) => all.runEpochsPerSecond / one.runEpochsPerSecond);
  const speedUp = median(ratios);
  print({
    kind: 'ratio',
    workload: 'sweep-grid',
    of: `${cores} workers / 1 worker, median of ${rounds.length} paired rounds`,
    cores,
    ratio: speedUp,
    rounds: ratios,
    target: 1.8,
    met: speedUp >= 1.8,
  });
  process.stderr.write(sweepGridTable(rounds));
  const all = rounds
    .map((round) => round.all)
    .reduce((best, m) => (m.runEpochsPerSecond > best.runEpochsPerSecond ? m : best));
  print(shardedSweepGridIdentical(repoRoot));
  if (unavailable === undefined) {
    const reference = torchSweepGrid(args.includes('--full-torch-grid'));
    print(reference);
    const ratio = all.runEpochsPerSecond / Number(reference.run_epochs_per_s);
    print({
      kind: 'ratio',
      workload: 'sweep-grid',
      of: `epochlab sweep (${cores} workers) / PyTorch notebook loop (${String(reference.sample)})`,
      ratio,
      target: 20,
      met: ratio >= 20,
    });
  }
}

if (sizeTable) {
  if (unavailable === undefined) process.stderr.write(runSizeTable(print));
  else print({ kind: 'size-table', skipped: unavailable });
}

if (!args.includes('--no-cli') && !onlyOwnData && !onlySizeTable) {
  print(
    best(
      () => measureCli(repoRoot),
      (m) => m.seconds,
      true,
    ),
  );
  for (const workload of CLI_RUN_FOLDER_WORKLOADS) {
    const runs = [];
    for (let k = 0; k < repeats; k++) runs.push(await measureCliRunFolder(repoRoot, workload));
    // The best run by what the workload's target measures: the whole run, or the writing.
    const key = workload === 'long-history' ? 'writeSeconds' : 'seconds';
    const fastest = runs.reduce((a, b) => (b[key] < a[key] ? b : a));
    print({ ...fastest, values: runs.map((run) => run[key]) });
  }
}

if (!args.includes('--no-own-data') && !onlySizeTable)
  runOwnDataBench(print, !args.includes('--no-torch'));
