import {
  type BestConfiguration,
  bestConfiguration,
  type ConfigurationSummary,
  type FinishedConfiguration,
  type Spread,
  type SweepConfiguration,
  type SweepShard,
  type SweepSpec,
  shardText,
  summarizeConfiguration,
  sweepFileOf,
} from '@epochlab/experiments';
import type { SweepTimeline } from '../../sweep/sweep-timeline.js';
import type { RunFile } from '../run-folder.js';
import { csvFile, jsonFile } from '../table-files.js';

/** What a sweep folder records: the sweep, its shard, and how much of it finished. */
export interface SweepOutcome {
  readonly spec: SweepSpec;
  readonly shard: SweepShard | undefined;
  /** The configurations this folder is for (the shard's, or the whole sweep's). */
  readonly configurations: readonly SweepConfiguration[];
  /** Those that finished, ascending by index. */
  readonly finished: readonly FinishedConfiguration[];
}

/** How long the sweep took, kept apart so that every other file is the same on every machine. */
export interface SweepTimings {
  /** Worker threads (`null` for a merge of shards that ran elsewhere). */
  readonly workers: number | null;
  /** The backend that ran (`null` when nothing ran here). */
  readonly backend: string | null;
  /** Wall-clock seconds of the sweep (of a merge: the shards' configurations' seconds summed). */
  readonly seconds: number;
  /** Each worker thread's start-up, batches and idle time (absent for a merge). */
  readonly timeline?: SweepTimeline;
  /** Configurations taken from a `--resume` folder: not trained, so not timed, here. */
  readonly reused?: readonly number[];
}

/** What `sweep.json` holds: the sweep file of the spec, so `epochlab sweep sweep.json` reruns it. */
export interface SweepRecord {
  readonly sweep: ReturnType<typeof sweepFileOf>;
  readonly shard: string | null;
  readonly configurations: number;
  readonly finished: number;
}

/** A JSON file for people and programs: two-space indented. */
function prettyJson(name: string, value: unknown): RunFile {
  return { name, content: `${JSON.stringify(value, null, 2)}\n` };
}

const SPREAD_FIELDS = ['bestValLoss', 'bestValEpoch', 'finalTrainLoss', 'finalValLoss'] as const;

function spreadCells(spread: Spread | null): unknown[] {
  return spread === null ? [null, null] : [spread.mean, spread.std];
}

/** The summaries of the finished configurations, ascending by index. */
export function sweepSummaries(outcome: SweepOutcome): ConfigurationSummary[] {
  const byIndex = new Map(outcome.configurations.map((c) => [c.index, c]));
  return outcome.finished.map((finished) =>
    summarizeConfiguration(
      finished.index,
      byIndex.get(finished.index)?.values ?? {},
      finished.runs,
    ),
  );
}

/**
 * Every file of a sweep folder but the charts: `sweep.json`, `runs.json`/
 * `.csv` (one row per run), `configurations.json`/`.csv` (mean and standard
 * deviation over the seeds, each configuration's whole config), `curves.json`
 * (each configuration's loss band), `best.json` (the best configuration and
 * its `epochlab run` command; `null` while none has a loss) and
 * `timings.json`. Only `timings.json` depends on the machine, the worker
 * count or the sharding: the others are the same bytes for the same sweep.
 */
export function sweepFiles(
  outcome: SweepOutcome,
  timings: SweepTimings,
): { readonly files: RunFile[]; readonly best: BestConfiguration | undefined } {
  const { spec, finished } = outcome;
  const keys = spec.axes.map((axis) => axis.key);
  const byIndex = new Map(outcome.configurations.map((c) => [c.index, c]));
  const valuesOf = (index: number) => byIndex.get(index)?.values ?? {};
  const summaries = sweepSummaries(outcome);
  const best = bestConfiguration(outcome.configurations, summaries);
  const record: SweepRecord = {
    sweep: sweepFileOf(spec),
    shard: outcome.shard === undefined ? null : shardText(outcome.shard),
    configurations: outcome.configurations.length,
    finished: finished.length,
  };
  const runs = finished.flatMap((configuration) =>
    configuration.runs.map((run) => ({
      configuration: run.configuration,
      ...valuesOf(run.configuration),
      seed: run.seed,
      status: run.status,
      epochsRun: run.epochsRun,
      bestValLoss: run.bestValLoss,
      bestValEpoch: run.bestValEpoch,
      finalTrainLoss: run.finalTrainLoss,
      finalValLoss: run.finalValLoss,
    })),
  );
  const runColumns = ['configuration', ...keys, 'seed', 'status', 'epochsRun'];
  const lossColumns = ['bestValLoss', 'bestValEpoch', 'finalTrainLoss', 'finalValLoss'] as const;
  const configurations = summaries.map((summary) => ({
    ...summary,
    config: byIndex.get(summary.index)?.config,
  }));
  // The throughput counts only what trained in `timings.seconds`, not what a resume reused.
  const reused = new Set(timings.reused ?? []);
  const trainedRuns = runs.filter((run) => !reused.has(run.configuration));
  return {
    best,
    files: [
      prettyJson('sweep.json', record),
      prettyJson('runs.json', runs),
      csvFile(
        'runs.csv',
        [...runColumns, ...lossColumns],
        runs.map((row) => {
          const cells = row as Record<string, unknown>;
          return [...runColumns, ...lossColumns].map((column) => cells[column]);
        }),
      ),
      prettyJson('configurations.json', configurations),
      csvFile(
        'configurations.csv',
        [
          'configuration',
          ...keys,
          'runs',
          'diverged',
          ...SPREAD_FIELDS.flatMap((field) => [`${field}Mean`, `${field}Std`]),
        ],
        summaries.map((summary) => [
          summary.index,
          ...keys.map((key) => summary.values[key]),
          summary.runs,
          summary.statuses.diverged ?? 0,
          ...SPREAD_FIELDS.flatMap((field) => spreadCells(summary[field])),
        ]),
      ),
      jsonFile(
        'curves.json',
        finished.map((configuration) => ({
          configuration: configuration.index,
          ...configuration.curve,
        })),
      ),
      prettyJson('best.json', best ?? null),
      prettyJson('timings.json', {
        workers: timings.workers,
        backend: timings.backend,
        seconds: timings.seconds,
        runs: trainedRuns.length,
        reusedRuns: runs.length - trainedRuns.length,
        runEpochsPerSecond:
          trainedRuns.reduce((sum, run) => sum + run.epochsRun, 0) /
          Math.max(timings.seconds, 1e-9),
        configurations: finished.map((configuration) => ({
          configuration: configuration.index,
          seconds: configuration.seconds,
        })),
        ...(timings.timeline ? { timeline: timings.timeline } : {}),
      }),
    ],
  };
}
