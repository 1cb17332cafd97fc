import type { SineValley } from './sine-fit-valleys.js';
import type { SineSgdRun } from './sine-sgd.js';
import { wilsonInterval } from './wilson-interval.js';

/**
 * A run has settled when its final loss is within this much of its valley's
 * lowest loss (mean squared error, in the units of y squared; the default
 * data's y vary by about 0.7, so this is a tenth of that spread, squared).
 */
export const SETTLE_TOLERANCE = 0.005;

/** What the runs of one cell (a batch size and a learning rate) did, as shares of all runs. */
export interface EscapeStatistics {
  readonly runs: number;
  /** Runs that ended in the global valley (the escape, seen from a start in another one). */
  readonly globalShare: number;
  /** The 95% Wilson interval of `globalShare` over this many runs. */
  readonly globalShareInterval: readonly [number, number];
  /** Runs that ended in the start's valley. */
  readonly startShare: number;
  /** Runs that ended in any other valley, or beyond the last frequency searched. */
  readonly otherShare: number;
  /** Runs that left [-100, 100] (the step size threw them out). */
  readonly divergedShare: number;
  /**
   * Runs that did not diverge but end more than `SETTLE_TOLERANCE` above
   * their valley's lowest loss: the noise keeps them moving.
   */
  readonly unsettledShare: number;
  /** Median of the step from which the runs that ended in the global valley stayed there; null when none did. */
  readonly medianStepsToGlobal: number | null;
  /** Final loss over all points, of the runs that did not diverge: mean, standard deviation, min, max (null when all diverged). */
  readonly finalLoss: {
    readonly mean: number;
    readonly std: number;
    readonly min: number;
    readonly max: number;
  } | null;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Whether a run that did not diverge has settled near its valley's lowest point. */
export function hasSettled(run: SineSgdRun, valleys: readonly SineValley[]): boolean {
  const valley = valleys[run.valley];
  return valley !== undefined && run.loss <= valley.minimum.loss + SETTLE_TOLERANCE;
}

/** The shares and spreads of one cell's runs, from the start's valley and the global one. */
export function escapeStatistics(
  runs: readonly SineSgdRun[],
  valleys: readonly SineValley[],
  startValley: number,
  globalValley: number,
): EscapeStatistics {
  const count = runs.length;
  const finished = runs.filter((run) => !run.diverged);
  const inGlobal = finished.filter((run) => run.valley === globalValley);
  const share = (part: number) => (count === 0 ? 0 : part / count);
  const losses = finished.map((run) => run.loss);
  let finalLoss: EscapeStatistics['finalLoss'] = null;
  if (losses.length > 0) {
    const mean = losses.reduce((sum, loss) => sum + loss, 0) / losses.length;
    const variance = losses.reduce((sum, loss) => sum + (loss - mean) ** 2, 0) / losses.length;
    finalLoss = {
      mean,
      std: Math.sqrt(variance),
      min: Math.min(...losses),
      max: Math.max(...losses),
    };
  }
  return {
    runs: count,
    globalShare: share(inGlobal.length),
    globalShareInterval: wilsonInterval(inGlobal.length, count),
    startShare: share(finished.filter((run) => run.valley === startValley).length),
    otherShare: share(
      finished.filter((run) => run.valley !== startValley && run.valley !== globalValley).length,
    ),
    divergedShare: share(count - finished.length),
    unsettledShare: share(finished.filter((run) => !hasSettled(run, valleys)).length),
    medianStepsToGlobal: median(inGlobal.map((run) => run.enteredAtStep)),
    finalLoss,
  };
}
