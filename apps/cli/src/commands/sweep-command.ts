import {
  DEFAULT_RUNS_PER_BATCH,
  type FinishedConfiguration,
  heatmapAxes,
  parseShard,
  type SweepConfiguration,
  type SweepShard,
  type SweepSpec,
  shardItems,
  summarizeConfiguration,
  sweepBatches,
  sweepConfigurations,
} from '@epochlab/experiments';
import type { CliIo } from '../cli-io.js';
import { resolveSweepSpec, type SweepSpecFlags } from '../config/sweep-spec-input.js';
import { UsageError } from '../config/usage-error.js';
import type { RunFolder } from '../output/run-folder.js';
import { readSweepFolder } from '../output/sweep/read-sweep-folder.js';
import { renderSweepCharts } from '../output/sweep/sweep-charts.js';
import {
  type SweepOutcome,
  type SweepTimings,
  sweepFiles,
  sweepSummaries,
} from '../output/sweep/sweep-files.js';
import { finishedLine, sweepEndText } from '../output/sweep/sweep-text.js';
import { defaultWorkers, runSweepPool } from '../sweep/sweep-pool.js';
import {
  commitRunFolder,
  defaultRunFolder,
  prepareRunFolder,
  watchInterrupts,
} from './run-session.js';

/** Flags of `epochlab sweep` besides the swept fields. */
export interface SweepFlags extends SweepSpecFlags {
  workers?: string;
  shard?: string;
  resume?: string;
  yes?: boolean;
  axes?: string;
  backend?: string;
  out?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Most worker threads `--workers` takes. */
const MAX_WORKERS = 256;

function workersOf(text: string | undefined): number {
  if (text === undefined) return defaultWorkers();
  const workers = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(workers >= 1 && workers <= MAX_WORKERS)) {
    throw new UsageError(`--workers must be a whole number from 1 to ${MAX_WORKERS}; got ${text}`);
  }
  return workers;
}

/** The finished configurations of `folder` that this sweep also has (same config, same seeds). */
function resumable(
  folder: string,
  spec: SweepSpec,
  configurations: readonly SweepConfiguration[],
): FinishedConfiguration[] {
  const previous = readSweepFolder(folder);
  if (previous.spec.seeds !== spec.seeds || previous.spec.seed !== spec.seed) {
    throw new UsageError(
      `--resume ${folder}: its sweep ran ${previous.spec.seeds} seeds from ${previous.spec.seed}, this one ${spec.seeds} from ${spec.seed}; give the same --seeds and --seed`,
    );
  }
  const previousConfigs = new Map(
    sweepConfigurations(previous.spec, { yes: true }).map((c) => [
      c.index,
      JSON.stringify(c.config),
    ]),
  );
  const byConfig = new Map(configurations.map((c) => [JSON.stringify(c.config), c.index]));
  return previous.finished.flatMap((finished) => {
    const index = byConfig.get(previousConfigs.get(finished.index) ?? '');
    if (index === undefined) return [];
    return [
      {
        ...finished,
        index,
        runs: finished.runs.map((run) => ({ ...run, configuration: index })),
      },
    ];
  });
}

/** `runs/sweep-<experiment>-<date>-<time>`. */
function defaultSweepFolder(spec: SweepSpec, shard: SweepShard | undefined): string {
  const base = defaultRunFolder(`sweep-${spec.experiment}`);
  return shard === undefined ? base : `${base}-shard-${shard.index}-of-${shard.count}`;
}

/**
 * Writes a sweep folder atomically (everything staged, then one rename):
 * the files of `sweepFiles` and the charts. Returns what the end text needs.
 */
export async function writeSweepFolder(
  folder: RunFolder,
  outcome: SweepOutcome,
  timings: SweepTimings,
  axesText: string | undefined,
) {
  const summaries = sweepSummaries(outcome);
  const axes = heatmapAxes(outcome.spec, axesText?.split(','));
  const { files, best } = sweepFiles(outcome, timings);
  await commitRunFolder(folder, async () => [
    ...files,
    ...(await renderSweepCharts(outcome, summaries, axes)),
  ]);
  return { summaries, best };
}

/**
 * `epochlab sweep <experiment|sweep.json> [--<field> a,b,c ...] [--seeds N]
 * [--random N] [--workers N] [--shard i/N] [--resume folder] [--yes]
 * [--axes a,b] [--out dir] [--json] [--quiet]`: validates the whole sweep
 * before anything runs or is written, trains its configurations in batches
 * on a pool of worker threads, prints a line per finished configuration and
 * writes the sweep folder. SIGINT/SIGTERM stop the running batches and write
 * the folder with every finished configuration (exit 130/143); `--resume`
 * with that folder runs the rest.
 */
export async function sweepCommand(
  experimentOrFile: string,
  gridFlags: ReadonlyMap<string, string>,
  flags: SweepFlags,
  io: CliIo,
): Promise<number> {
  const spec = resolveSweepSpec(experimentOrFile, gridFlags, flags);
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  const workers = workersOf(flags.workers);
  const configurations = shardItems(sweepConfigurations(spec, { yes: flags.yes === true }), shard);
  heatmapAxes(spec, flags.axes?.split(',')); // a bad --axes exits before any training
  const reused = flags.resume === undefined ? [] : resumable(flags.resume, spec, configurations);
  const folder = prepareRunFolder(
    { out: flags.out ?? defaultSweepFolder(spec, shard) },
    `sweep-${spec.experiment}`,
    io,
  );
  const interrupts = watchInterrupts(io, folder);
  const reusedIndices = new Set(reused.map((finished) => finished.index));
  const todo = configurations.filter((configuration) => !reusedIndices.has(configuration.index));
  // Batches small enough that every worker gets several (the last ones end at about the same time).
  const runsPerBatch = Math.min(
    DEFAULT_RUNS_PER_BATCH,
    Math.max(spec.seeds, Math.ceil((todo.length * spec.seeds) / (workers * 4))),
  );
  const batches = sweepBatches(todo, spec.seeds, runsPerBatch);
  const threads = Math.min(workers, Math.max(batches.length, 1));
  const finished: FinishedConfiguration[] = [...reused];
  const total = configurations.length;
  const backendName = flags.backend ?? 'auto';
  let backend: string | null = null;
  const write = (text: string) => {
    if (!flags.quiet) io.stderr.write(text);
  };
  write(
    `sweep ${spec.experiment}: ${total} configurations x ${spec.seeds} seeds = ${total * spec.seeds} runs` +
      `${reused.length > 0 ? ` (${reused.length} already finished in ${flags.resume})` : ''}` +
      `, ${batches.length} batch${batches.length === 1 ? '' : 'es'} on ${threads} worker thread${threads === 1 ? '' : 's'}, backend ${backendName}\n`,
  );
  const startedAt = performance.now();
  const byIndex = new Map(configurations.map((c) => [c.index, c]));
  try {
    await runSweepPool(batches, {
      workers,
      seeds: spec.seeds,
      backend: backendName,
      signal: interrupts.signal,
      onFinished: (result) => {
        backend = result.backend;
        for (const configuration of result.finished) {
          finished.push(configuration);
          const values = byIndex.get(configuration.index)?.values ?? {};
          const summary = summarizeConfiguration(configuration.index, values, configuration.runs);
          write(finishedLine(spec, finished.length, total, configuration, summary));
        }
      },
    });
  } catch (error) {
    folder.discard();
    interrupts.stop();
    throw error;
  }
  const interrupted = interrupts.signal.aborted;
  interrupts.trainingEnded(interrupted ? 'aborted' : 'completed');
  finished.sort((a, b) => a.index - b.index);
  const outcome: SweepOutcome = { spec, shard, configurations, finished };
  let written: Awaited<ReturnType<typeof writeSweepFolder>>;
  try {
    written = await writeSweepFolder(
      folder,
      outcome,
      { workers, backend, seconds: (performance.now() - startedAt) / 1000 },
      flags.axes,
    );
  } finally {
    interrupts.stop();
  }
  const summary = {
    folder: folder.path,
    configurations: total,
    finished: finished.length,
    runs: finished.length * spec.seeds,
    best: written.best ?? null,
  };
  if (flags.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  if (!flags.quiet) {
    const end = sweepEndText(spec, written.best, written.summaries, folder.path);
    const resume = interrupted
      ? `interrupted: ${finished.length} of ${total} configurations finished; run the rest with the same command and --resume ${folder.path}\n`
      : '';
    (flags.json ? io.stderr : io.stdout).write(`${resume}${end}`);
  }
  return interrupted ? interrupts.interruptedExitCode : 0;
}
