import { type Spread, spreadOf } from '../batch-size-lab/band-statistics.js';
import type { SweepRun } from './sweep-results.js';

/** A configuration over its seeds: what `configurations.json` holds per row. */
export interface ConfigurationSummary {
  /** The configuration's grid index. */
  readonly index: number;
  /** The swept fields' values, by key. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly runs: number;
  /** Runs by status (`completed`, `stopped-early`, `diverged`). */
  readonly statuses: Readonly<Record<string, number>>;
  /** Spreads over the runs that have the value (a diverged run's NaN is left out); `null` when none has. */
  readonly bestValLoss: Spread | null;
  readonly bestValEpoch: Spread | null;
  readonly finalTrainLoss: Spread | null;
  readonly finalValLoss: Spread | null;
}

function spreadOfRuns(
  runs: readonly SweepRun[],
  pick: (run: SweepRun) => number | null,
): Spread | null {
  const values = runs
    .map(pick)
    .filter((value): value is number => value !== null && Number.isFinite(value));
  return values.length === 0 ? null : spreadOf(values);
}

/**
 * The mean, sample standard deviation (n - 1, like `torch.std`), min and max
 * over a configuration's seeds of its best validation loss, the epoch of it,
 * and its final losses, summed in seed order.
 */
export function summarizeConfiguration(
  index: number,
  values: Readonly<Record<string, unknown>>,
  runs: readonly SweepRun[],
): ConfigurationSummary {
  const statuses: Record<string, number> = {};
  for (const run of runs) statuses[run.status] = (statuses[run.status] ?? 0) + 1;
  return {
    index,
    values,
    runs: runs.length,
    statuses,
    bestValLoss: spreadOfRuns(runs, (run) => run.bestValLoss),
    bestValEpoch: spreadOfRuns(runs, (run) => run.bestValEpoch),
    finalTrainLoss: spreadOfRuns(runs, (run) => run.finalTrainLoss),
    finalValLoss: spreadOfRuns(runs, (run) => run.finalValLoss),
  };
}

/**
 * The number a sweep ranks configurations by: the mean best validation loss,
 * or the mean final training loss when the experiment has no validation
 * points; `undefined` when no run has it.
 */
export function rankedLoss(
  summary: ConfigurationSummary,
): { readonly loss: 'bestValLoss' | 'finalTrainLoss'; readonly mean: number } | undefined {
  if (summary.bestValLoss !== null) return { loss: 'bestValLoss', mean: summary.bestValLoss.mean };
  if (summary.finalTrainLoss !== null && summary.finalValLoss === null) {
    return { loss: 'finalTrainLoss', mean: summary.finalTrainLoss.mean };
  }
  return undefined;
}
