import type { EventHandler, EventThrottle } from '../callbacks/training-events.js';
import type { BatchSource } from '../loop/batch-source.js';
import type { TrainingPathOption } from '../loop/train-options.js';
import type { TrainableModel } from '../loop/trainable-model.js';
import type { TrainingHistory, TrainingStatus } from '../loop/training-result.js';
import type { LossConfig, LossName } from '../losses/loss-function.js';
import type { OptimizerConfig, OptimizerName } from '../optimizers/optimizer-config.js';

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
  /** Aborting it ends every run still training with status `aborted`. */
  readonly signal?: AbortSignal;
  /** Called after each epoch of all runs, throttled by `throttle` (the last epoch is always sent). */
  readonly onEpochEnd?: EventHandler<ManyEpochEndEvent>;
  /** How often `onEpochEnd` is called; by default, every epoch. */
  readonly throttle?: EventThrottle;
  /** Yield to the event loop after about this many milliseconds of work; default 25. */
  readonly yieldIntervalMs?: number;
  /** `'auto'` (default): the fused path when it applies to every run; `'generic'`: never. */
  readonly trainingPath?: TrainingPathOption;
}
