/**
 * How a run ended:
 * - `completed`: every requested epoch ran;
 * - `stopped-early`: early stopping ended it (no improvement for `patience` epochs);
 * - `diverged`: a training or validation loss came out NaN or infinite;
 * - `aborted`: the `signal` was aborted.
 */
export type TrainingStatus = 'completed' | 'stopped-early' | 'diverged' | 'aborted';

/**
 * Which implementation of the training steps ran:
 * - `generic`: one tfjs `minimize` per batch, any model and backend;
 * - `fused-wasm-simd`: the whole step of a dense MLP as one kernel on typed
 *   arrays (cpu and wasm backends), its forward and backward passes in
 *   WebAssembly SIMD;
 * - `fused-wasm-simd-f32`: the same kernel with its matrix products in
 *   float32 SIMD (`fusedPrecision`: a hidden layer of 64 units or more, or
 *   asked for): deterministic, within float32 rounding of `fused-wasm-simd`;
 * - `fused-wasm-simd-f32-fma`: `fused-wasm-simd-f32` with each multiply-add
 *   of its products as relaxed SIMD's `f32x4.relaxed_madd` (where the engine
 *   has it and `fusedFma` is not false): one rounding where the hardware has
 *   FMA, deterministic on one machine;
 * - `fused-js`: the same kernel with the passes in JavaScript, where
 *   WebAssembly SIMD is not available (the same bits as `fused-wasm-simd`).
 */
export type TrainingPathName =
  | 'generic'
  | 'fused-wasm-simd'
  | 'fused-wasm-simd-f32'
  | 'fused-wasm-simd-f32-fma'
  | 'fused-js';

/** A loss recorded at an epoch (0-based, as the notebook's `range(epochs)`). */
export interface LossPoint {
  readonly epoch: number;
  readonly loss: number;
}

/**
 * Loss curves: `train` has one entry per completed epoch (the mean of the
 * epoch's per-batch mean losses); `val` has one entry per validation epoch
 * (0, N, 2N, ...), likewise averaged over the validation batches.
 * Neither ever holds NaN or an infinite value.
 */
export interface TrainingHistory {
  readonly train: readonly LossPoint[];
  readonly val: readonly LossPoint[];
}

/** Where a run diverged: the epoch, the phase and the non-finite loss it saw. */
export interface Divergence {
  readonly epoch: number;
  readonly phase: 'train' | 'val';
  /** NaN, Infinity or -Infinity. */
  readonly loss: number;
}

/** A run in numbers. Missing values are `null`, so that the summary survives JSON. */
export interface TrainingSummary {
  /** Epochs recorded in the history. */
  readonly epochsRun: number;
  /** Epochs requested. */
  readonly epochsPlanned: number;
  /** The last recorded train loss. */
  readonly finalTrainLoss: number | null;
  /** The last recorded validation loss (at `finalValidationEpoch`). */
  readonly finalValidationLoss: number | null;
  readonly finalValidationEpoch: number | null;
  /** The lowest train loss and the first epoch that reached it. */
  readonly bestTrainLoss: number | null;
  readonly bestTrainEpoch: number | null;
  /**
   * The lowest validation loss and the first epoch that reached it: where the
   * model generalised best, before it started to overfit.
   */
  readonly bestValidationLoss: number | null;
  readonly bestValidationEpoch: number | null;
  /** The epoch whose loss came out non-finite, when the status is `diverged`. */
  readonly divergedAtEpoch: number | null;
  /** The epoch whose weights the model holds after early stopping restored them. */
  readonly restoredWeightsFromEpoch: number | null;
  /** Wall-clock seconds of the whole run, validation and callbacks included. */
  readonly seconds: number;
  /** `epochsRun / seconds`. */
  readonly epochsPerSecond: number;
}

/**
 * The weights of the epoch with the lowest validation loss (the first epoch
 * that reached it), one array per trainable variable in the model's order:
 * what `keepBestWeights` keeps.
 */
export interface BestWeights {
  readonly epoch: number;
  readonly loss: number;
  readonly values: readonly Float32Array[];
}

/** What `trainModel` returns. */
export interface TrainingResult {
  readonly status: TrainingStatus;
  readonly history: TrainingHistory;
  readonly summary: TrainingSummary;
  readonly trainingPath: TrainingPathName;
  /**
   * Threads the fused path split its large passes over (`fusedThreads`),
   * set where more than one.
   */
  readonly trainingThreads?: number;
  /** Set when the status is `diverged`. */
  readonly divergence?: Divergence;
  /**
   * With `keepBestWeights`, once at least one validation loss was recorded:
   * the weights at the best validation epoch.
   */
  readonly bestWeights?: BestWeights;
}
