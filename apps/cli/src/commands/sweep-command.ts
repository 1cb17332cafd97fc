import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
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
import {
  type FinishedRowsWriter,
  killedSweep,
  startFinishedRows,
} from '../output/sweep/finished-rows-file.js';
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
import type { SweepTimeline } from '../sweep/sweep-timeline.js';
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

/**
 * The finished configurations of `folder` that this sweep also has (same
 * config, same seeds): from the sweep folder, or, when a killed sweep never
 * wrote it, from the staging folder that sweep left (also returned, to be
 * removed once its configurations are in the new folder).
 */
function resumable(
  folder: string,
  spec: SweepSpec,
  configurations: readonly SweepConfiguration[],
): { readonly finished: FinishedConfiguration[]; readonly killedStaging?: string } {
  const killed = existsSync(join(folder, 'sweep.json')) ? undefined : killedSweep(folder);
  const previous = killed?.part ?? readSweepFolder(folder);
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
  const finished = previous.finished.flatMap((configuration) => {
    const index = byConfig.get(previousConfigs.get(configuration.index) ?? '');
    if (index === undefined) return [];
    return [
      {
        ...configuration,
        index,
        runs: configuration.runs.map((run) => ({ ...run, configuration: index })),
      },
    ];
  });
  return killed === undefined ? { finished } : { finished, killedStaging: killed.stagingFolder };
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
  beforeCommit?: () => void,
) {
  const summaries = sweepSummaries(outcome);
  const axes = heatmapAxes(outcome.spec, axesText?.split(','));
  const { files, best } = sweepFiles(outcome, timings);
  await commitRunFolder(
    folder,
    async () => [...files, ...(await renderSweepCharts(outcome, summaries, axes))],
    async () => beforeCommit?.(),
  );
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
 * with that folder runs the rest. Each finished configuration is also
 * appended to `finished.jsonl` in the staging folder as it ends, so that
 * `--resume` of the same folder finds it after a kill that left no folder.
 */
export async function sweepCommand(
  experimentOrFile: string,
  gridFlags: ReadonlyMap<string, string | undefined>,
  flags: SweepFlags,
  io: CliIo,
): Promise<number> {
  const spec = resolveSweepSpec(experimentOrFile, gridFlags, flags);
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  const workers = workersOf(flags.workers);
  const configurations = shardItems(sweepConfigurations(spec, { yes: flags.yes === true }), shard);
  heatmapAxes(spec, flags.axes?.split(',')); // a bad --axes exits before any training
  const previous =
    flags.resume === undefined ? undefined : resumable(flags.resume, spec, configurations);
  const reused = previous?.finished ?? [];
  const folder = prepareRunFolder(
    { out: flags.out ?? defaultSweepFolder(spec, shard) },
    `sweep-${spec.experiment}`,
    io,
  );
  let rows: FinishedRowsWriter;
  try {
    rows = startFinishedRows(folder, spec, shard, reused);
  } catch (error) {
    folder.discard();
    throw error;
  }
  const interrupts = watchInterrupts(io, folder);
  const reusedIndices = new Set(reused.map((finished) => finished.index));
  const todo = configurations.filter((configuration) => !reusedIndices.has(configuration.index));
  const batches = sweepBatches(todo, spec.seeds, workers);
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
      `, ${batches.length} batch${batches.length === 1 ? '' : 'es'} on ${threads} worker thread${threads === 1 ? '' : 's'}, backend ${backendName}, into ${folder.path}\n`,
  );
  const startedAt = performance.now();
  const byIndex = new Map(configurations.map((c) => [c.index, c]));
  let timeline: SweepTimeline;
  try {
    timeline = await runSweepPool(batches, {
      workers,
      seeds: spec.seeds,
      backend: backendName,
      signal: interrupts.signal,
      onFinished: (result) => {
        backend = result.backend;
        for (const configuration of result.finished) {
          rows.append(configuration);
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
      {
        workers,
        backend,
        seconds: (performance.now() - startedAt) / 1000,
        timeline,
        reused: [...reusedIndices],
      },
      flags.axes,
      rows.remove,
    );
  } finally {
    interrupts.stop();
  }
  // The killed sweep's configurations are in this folder now.
  if (previous?.killedStaging !== undefined) {
    rmSync(previous.killedStaging, { recursive: true, force: true });
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
