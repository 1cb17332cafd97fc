import type { BatchEndEvent, EventHandler, EventThrottle } from '../callbacks/training-events.js';
import type { EarlyStoppingOptions } from '../early-stopping/early-stopping-options.js';
import type { FusedPrecisionOption } from '../fused/choose-precision.js';
import type { BatchSource } from '../loop/batch-source.js';
import type { TrainingPathOption } from '../loop/train-options.js';
import type { TrainableModel } from '../loop/trainable-model.js';
import type { TrainingHistory, TrainingStatus } from '../loop/training-result.js';
import type { LossConfig, LossName } from '../losses/loss-registry.js';
import type { OptimizerConfig, OptimizerName } from '../optimizers/optimizer-registry.js';

/** One of the runs `trainMany` trains side by side: its own model, data and, optionally, optimizer. */
export interface ManyRun {
  /** The model to train; its variables are updated in place. Same shapes in every run. */
  readonly model: TrainableModel;
  /** Training batches, e.g. a shuffling `DataLoader` with the run's own seed. */
  readonly train: BatchSource;
  /** Validation batches, evaluated without gradients every `validationInterval` epochs. */
  readonly validation?: BatchSource;
  /** This run's optimizer (a learning-rate sweep, say); default: the shared `optimizer`. */
  readonly optimizer?: OptimizerName | OptimizerConfig;
}

/** A run's state in a {@link ManyEpochEndEvent}. */
export interface ManyRunProgress {
  /** `running` until the run ends, then its final status. */
  readonly status: 'running' | TrainingStatus;
  /** The run's history so far (live: it keeps growing after the event). */
  readonly history: TrainingHistory;
}

/** Sent after an epoch of every run still training. */
export interface ManyEpochEndEvent {
  /** The epoch that ended, 0-based. */
  readonly epoch: number;
  /** Epochs requested for every run. */
  readonly epochs: number;
  /** Seconds since training started. */
  readonly elapsedSeconds: number;
  /** One entry per run, in the order of `runs`. */
  readonly runs: readonly ManyRunProgress[];
}

/** Sent after a training step of one run, when asked for (`onBatchEnd`). */
export interface ManyBatchEndEvent extends BatchEndEvent {
  /** The run's index in `runs`. */
  readonly run: number;
}

/** What every run of `trainMany` shares; only `epochs`, `loss` and `optimizer` are required. */
export interface TrainManyOptions {
  /** Epochs to run: a whole number >= 1. */
  readonly epochs: number;
  /** `'l1'`, `'mse'`, `'huber'` or a `LossConfig`, for every run. */
  readonly loss: LossName | LossConfig;
  /** The optimizer of every run that does not give its own. */
  readonly optimizer: OptimizerName | OptimizerConfig;
  /** Validate on epochs 0, N, 2N, ...; a whole number >= 1, default 10. */
  readonly validationInterval?: number;
  /**
   * Early stopping, applied to each run on its own (a run that stops leaves
   * the others training); off by default. `monitor` defaults to `val` for
   * runs with a validation source.
   */
  readonly earlyStopping?: EarlyStoppingOptions;
  /** Each run keeps its best validation epoch's weights, as `trainModel`'s; default false. */
  readonly keepBestWeights?: boolean;
  /** Aborting it ends every run still training with status `aborted`. */
  readonly signal?: AbortSignal;
  /**
   * Called before every epoch, once for all runs, never throttled; training
   * waits for the promise it returns (pause, step), as `trainModel`'s.
   */
  readonly beforeEpoch?: (epoch: number) => void | Promise<void>;
  /** Called after each epoch of all runs, throttled by `throttle` (the last epoch is always sent). */
  readonly onEpochEnd?: EventHandler<ManyEpochEndEvent>;
  /**
   * Called after a training step of any run, throttled per run by
   * `throttle.minIntervalMs`; reading the step's loss syncs with the device.
   */
  readonly onBatchEnd?: EventHandler<ManyBatchEndEvent>;
  /** How often `onEpochEnd` and `onBatchEnd` are called; by default, every time. */
  readonly throttle?: EventThrottle;
  /** Yield to the event loop after about this many milliseconds of work; default 25. */
  readonly yieldIntervalMs?: number;
  /**
   * `'auto'` (default): the fused path when it applies to every run, else the
   * generic path for all; `'fused'`: the fused path for every run, or an
   * `InvalidArgumentError` naming the first run it cannot train and why;
   * `'generic'`: never the fused path.
   */
  readonly trainingPath?: TrainingPathOption;
  /** The fused path's precision for every run: see `TrainModelOptions.fusedPrecision`. */
  readonly fusedPrecision?: FusedPrecisionOption;
  /** Whether the fused path's float32 products may use FMA, for every run: see `TrainModelOptions.fusedFma`. */
  readonly fusedFma?: boolean;
}
