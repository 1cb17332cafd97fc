import type { BandPoint } from '../batch-size-lab/band-statistics.js';
import type { TrainingStatus } from '../run/experiment-summary.js';

/** One run of a sweep in numbers: what `runs.json` holds per row. Missing values are `null`. */
export interface SweepRun {
  /** The configuration's grid index. */
  readonly configuration: number;
  readonly seed: number;
  readonly status: TrainingStatus;
  readonly epochsRun: number;
  readonly bestValLoss: number | null;
  readonly bestValEpoch: number | null;
  readonly finalTrainLoss: number | null;
  readonly finalValLoss: number | null;
}

/** The band of a configuration's runs: validation loss (training loss without validation points). */
export interface SweepCurve {
  readonly loss: 'val' | 'train';
  /** At most `CURVE_POINTS` points, evenly thinned, the last epoch kept. */
  readonly points: readonly BandPoint[];
}

/** A configuration whose runs all ended (completed, stopped early or diverged). */
export interface FinishedConfiguration {
  readonly index: number;
  /** One per seed, in seed order. */
  readonly runs: readonly SweepRun[];
  readonly curve: SweepCurve;
  /** Seconds its runs took, shared evenly within a batch (timings only, never compared). */
  readonly seconds: number;
}
