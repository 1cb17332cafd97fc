import type { EventThrottle, TrainingCallbacks } from '../callbacks/training-events.js';
import type { EarlyStoppingOptions } from '../early-stopping/early-stopping-options.js';
import type { FusedPrecisionOption } from '../fused/choose-precision.js';
import type { FusedThreadsOption } from '../fused/choose-threads.js';
import type { LossConfig, LossName } from '../losses/loss-registry.js';
import type { OptimizerConfig, OptimizerName } from '../optimizers/optimizer-registry.js';
import type { BatchSource } from './batch-source.js';
import type { TrainableModel } from './trainable-model.js';

/** Everything `trainModel` needs; only `model`, `train`, `epochs`, `loss` and `optimizer` are required. */
export interface TrainModelOptions {
  /** The model to train; its variables are updated in place. */
  readonly model: TrainableModel;
  /** Training batches, e.g. a shuffling `DataLoader`; `batches(epoch)` is called once per epoch. */
  readonly train: BatchSource;
  /** Validation batches, evaluated without gradients every `validationInterval` epochs. */
  readonly validation?: BatchSource;
  /** Epochs to run: a whole number >= 1. */
  readonly epochs: number;
  /** `'l1'` (the notebook's), `'mse'`, `'huber'` or a `LossConfig`. */
  readonly loss: LossName | LossConfig;
  /** `'sgd'`, `'adam'`, `'rmsprop'` or a config such as `{ name: 'sgd', learningRate: 1e-3 }`. */
  readonly optimizer: OptimizerName | OptimizerConfig;
  /**
   * Validate on epochs 0, N, 2N, ... (the notebook's `epoch % 10 == 0`);
   * a whole number >= 1, default 10.
   */
  readonly validationInterval?: number;
  /** Stop when the monitored loss stops improving; off by default. */
  readonly earlyStopping?: EarlyStoppingOptions;
  /**
   * Keep a copy of the weights of the lowest validation loss (Keras's
   * `ModelCheckpoint(save_best_only=True)`), returned as `result.bestWeights`;
   * default false. It costs one snapshot per improvement, no copy on other
   * epochs. Needs `validation`.
   */
  readonly keepBestWeights?: boolean;
  /** Aborting it ends the run with status `aborted` and the history so far. */
  readonly signal?: AbortSignal;
  /**
   * Called before every epoch, never throttled. Training waits for the promise
   * it returns: a UI pauses a run by returning a promise it resolves on
   * "resume", and steps one epoch at a time by resolving it once per click.
   * The time spent waiting counts in the summary's `seconds`.
   */
  readonly beforeEpoch?: (epoch: number) => void | Promise<void>;
  /** Event handlers (epoch end, validation end, batch end). */
  readonly callbacks?: TrainingCallbacks;
  /** How often events are delivered; by default, every event. */
  readonly throttle?: EventThrottle;
  /**
   * The loop yields to the event loop after about this many milliseconds of
   * work, so timers, signal handlers and UI messages can run; default 25.
   */
  readonly yieldIntervalMs?: number;
  /**
   * `'auto'` (default): the fused path when it applies (a `DenseMlpV1` model
   * such as `@epochlab/models`' `Mlp` on the cpu or wasm backend), the generic
   * path otherwise. `'fused'`: the fused path, or an `InvalidArgumentError`
   * saying why it cannot apply. `'generic'`: always one tfjs `minimize` per
   * batch. `result.trainingPath` says which ran.
   */
  readonly trainingPath?: TrainingPathOption;
  /**
   * How the fused path computes its matrix products. `'auto'` (default):
   * `'float32'` when a hidden layer has 64 units or more, else `'exact'`.
   * `'exact'`: double-precision sums in tfjs cpu's order, bit-identical with
   * the tfjs cpu backend. `'float32'`: float32 SIMD, deterministic and within
   * float32 rounding of `'exact'` (where WebAssembly SIMD is missing, the
   * JavaScript passes run `'exact'`). `result.trainingPath` says which ran
   * (`fused-wasm-simd-f32` for float32, `fused-wasm-simd-f32-fma` with
   * `fusedFma`). The generic path ignores it.
   */
  readonly fusedPrecision?: FusedPrecisionOption;
  /**
   * Whether the fused path's `'float32'` products may use fused
   * multiply-add. `true` (default): where the engine has WebAssembly relaxed
   * SIMD (Chromium ships it on; Node 20 only with V8's
   * `--experimental-wasm-relaxed-simd`, see the README), each multiply-add is
   * `f32x4.relaxed_madd`, one rounding where the hardware has FMA;
   * `result.trainingPath` is then `fused-wasm-simd-f32-fma`. Deterministic on
   * one machine, but the bits can differ between machines with and without
   * FMA. `false`: always the multiply then add of `fused-wasm-simd-f32`, the
   * same bits on every machine and engine. `'exact'` never uses FMA.
   */
  readonly fusedFma?: boolean;
  /**
   * Threads the fused path's `'float32'` passes are split over, each thread
   * computing its share of every product: the same bits with any number.
   * `'auto'` (default): in Node, where the package's Node entry installs
   * worker threads, one more per spare core (at most 4 in all, none from a
   * worker thread) for networks whose batch of 32 reaches 1M multiply-adds
   * (two hidden layers of 256 and wider); otherwise 1. A whole number >= 1
   * asks for that many. Passes under 1M multiply-adds run on the caller's
   * thread alone; browsers, `exact` precision and the generic path always do.
   * `result.trainingThreads` says how many the run had.
   */
  readonly fusedThreads?: FusedThreadsOption;
}

/** The values of `trainModel`'s and `trainMany`'s `trainingPath` option. */
export const TRAINING_PATH_OPTIONS = ['auto', 'fused', 'generic'] as const;

/** What `trainModel`'s and `trainMany`'s `trainingPath` option accepts. */
export type TrainingPathOption = (typeof TRAINING_PATH_OPTIONS)[number];
