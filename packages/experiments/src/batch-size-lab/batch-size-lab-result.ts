import type { BackendChoice } from '@epochlab/tensor';
import type { TrainingHistory, TrainingPathName, TrainingStatus } from '@epochlab/train';
import type { BandPoint, Spread } from './band-statistics.js';
import type { BatchSizeLabConfig, BatchSizeOption } from './batch-size-lab-config.js';

/** The gradient noise of one batch size at one epoch, over its seeds. */
export interface GradientNoisePoint {
  /** Measured after this epoch's steps, on the next epoch's mini-batches. */
  readonly epoch: number;
  /** Gradient steps taken so far: `(epoch + 1) * stepsPerEpoch`. */
  readonly step: number;
  /** Over seeds, of each run's mean cosine(mini-batch gradient, full-batch gradient). */
  readonly cosine: Spread;
  /** Over seeds, of each run's mean squared distance ||g_batch - g_full||^2. */
  readonly variance: Spread;
}

/** One seed's run of one batch size. */
export interface LabRun {
  readonly seed: number;
  readonly status: TrainingStatus;
  readonly history: TrainingHistory;
  /** NaN when no epoch ran. */
  readonly finalTrainLoss: number;
  readonly finalValLoss: number | undefined;
  readonly bestValLoss: number | undefined;
  readonly bestValEpoch: number | undefined;
}

/** How the lab names a batch size before it runs. */
export interface BatchSizeGroupInfo {
  readonly option: BatchSizeOption;
  /** Points per batch (`'full'` resolved to `n`). */
  readonly batchSize: number;
  /** `'5'`, `'full (100)'`. */
  readonly label: string;
  /** Gradient steps per epoch: `ceil(n / batchSize)` (the last short batch is kept). */
  readonly stepsPerEpoch: number;
}

/** Everything one batch size produced: its runs, their bands, the gradient noise and the timing. */
export interface BatchSizeGroup extends BatchSizeGroupInfo {
  readonly runs: readonly LabRun[];
  /** Training loss per epoch over the seeds (x = epoch; gradient steps = (x + 1) * stepsPerEpoch). */
  readonly train: readonly BandPoint[];
  /** Validation loss on validation epochs (x = epoch); empty without validation. */
  readonly val: readonly BandPoint[];
  /** Gradient noise on epochs 0, noiseEvery, 2 noiseEvery, ... and the last epoch. */
  readonly noise: readonly GradientNoisePoint[];
  readonly finalTrainLoss: Spread;
  /** Undefined when `valN` is 0. */
  readonly finalValLoss: Spread | undefined;
  readonly bestValLoss: Spread | undefined;
  /** The group's training wall time divided by its number of runs (gradient-noise measurement excluded). */
  readonly secondsPerRun: number;
}

/** Plain-number data of the lab: the same points for every run. */
export interface LabData {
  readonly train: { readonly x: number[]; readonly y: number[] };
  /** Undefined when `valN` is 0. */
  readonly validation: { readonly x: number[]; readonly y: number[] } | undefined;
}

/** What `runBatchSizeLab` returns. */
export interface BatchSizeLabResult {
  readonly config: BatchSizeLabConfig;
  readonly backend: BackendChoice;
  /** The path every run took (`fused-wasm-simd` or `fused-js` on cpu and wasm). */
  readonly trainingPath: TrainingPathName;
  readonly data: LabData;
  /** One per batch size that ran, in the config's order (an abort leaves out the ones after it). */
  readonly groups: readonly BatchSizeGroup[];
  /** Wall time of the whole lab. */
  readonly seconds: number;
  /** `aborted` when the signal stopped it, else `diverged` when any run diverged, else `completed`. */
  readonly status: 'completed' | 'aborted' | 'diverged';
}
