/**
 * @epochlab/train: losses, optimizers and the learning loop (validation,
 * events, early stopping, divergence detection, cancellation).
 */

export type {
  BatchEndEvent,
  EpochEndEvent,
  EventHandler,
  EventThrottle,
  TrainingCallbacks,
  ValidationEndEvent,
} from './callbacks/training-events.js';
export type { EarlyStoppingOptions } from './early-stopping/early-stopping-options.js';
export type { Batch, BatchSource } from './loop/batch-source.js';
export { trainModel } from './loop/train-model.js';
export type { TrainingPathOption, TrainModelOptions } from './loop/train-options.js';
export type { TrainableModel } from './loop/trainable-model.js';
export type {
  Divergence,
  LossPoint,
  TrainingHistory,
  TrainingPathName,
  TrainingResult,
  TrainingStatus,
  TrainingSummary,
} from './loop/training-result.js';
export { createLoss } from './losses/create-loss.js';
export { huberLoss } from './losses/huber-loss.js';
export { l1Loss } from './losses/l1-loss.js';
export {
  LOSS_NAMES,
  type LossConfig,
  type LossFunction,
  type LossName,
} from './losses/loss-function.js';
export { mseLoss } from './losses/mse-loss.js';
export type { ManyTrainingResult } from './many/many-training-result.js';
export { trainMany } from './many/train-many.js';
export type {
  ManyEpochEndEvent,
  ManyRun,
  ManyRunProgress,
  TrainManyOptions,
} from './many/train-many-options.js';
export {
  type GradientBatch,
  type GradientNoise,
  type GradientNoiseOptions,
  measureGradientNoise,
} from './noise/measure-gradient-noise.js';
export { createOptimizer } from './optimizers/create-optimizer.js';
export {
  type AdamConfig,
  OPTIMIZER_DEFAULTS,
  OPTIMIZER_NAMES,
  type OptimizerConfig,
  type OptimizerName,
  type RmspropConfig,
  type SgdConfig,
} from './optimizers/optimizer-config.js';
export { RmspropOptimizer } from './optimizers/rmsprop-optimizer.js';
export { yieldToEventLoop } from './scheduling/yield-to-event-loop.js';
