/**
 * @epochlab/train: losses, optimizers and the learning loop (validation,
 * events, early stopping, divergence detection, cancellation), for one run
 * (`trainModel`) or K runs side by side (`trainMany`).
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
export {
  FLOAT32_FROM_BATCH,
  FLOAT32_FROM_WIDTH,
  FUSED_PRECISION_OPTIONS,
  type FusedPrecisionOption,
} from './fused/choose-precision.js';
export type { FusedThreadsOption } from './fused/choose-threads.js';
export { THREADS_FROM_MACS } from './fused/wasm-workspace.js';
export type { Batch, BatchSource } from './loop/batch-source.js';
export { trainModel } from './loop/train-model.js';
export {
  TRAINING_PATH_OPTIONS,
  type TrainingPathOption,
  type TrainModelOptions,
} from './loop/train-options.js';
export type { TrainableModel } from './loop/trainable-model.js';
export type {
  BestWeights,
  Divergence,
  LossPoint,
  TrainingHistory,
  TrainingPathName,
  TrainingResult,
  TrainingStatus,
  TrainingSummary,
} from './loop/training-result.js';
export { createLoss } from './losses/create-loss.js';
export { type HuberConfig, huberLoss } from './losses/huber.js';
export { type L1Config, l1Loss } from './losses/l1.js';
export type {
  FusedLoss,
  LossDefinition,
  LossFunction,
  RowBlockLoss,
} from './losses/loss-definition.js';
export { LOSS_NAMES } from './losses/loss-names.js';
export { LOSSES, type LossConfig, type LossName } from './losses/loss-registry.js';
export { type MseConfig, mseLoss } from './losses/mse.js';
export type { ManyTrainingResult } from './many/many-training-result.js';
export { trainMany } from './many/train-many.js';
export type {
  ManyBatchEndEvent,
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
export type { AdamConfig } from './optimizers/adam.js';
export { createOptimizer } from './optimizers/create-optimizer.js';
export type { FusedOptimizer, OptimizerDefinition } from './optimizers/optimizer-definition.js';
export { OPTIMIZER_NAMES } from './optimizers/optimizer-names.js';
export {
  OPTIMIZER_DEFAULTS,
  OPTIMIZERS,
  type OptimizerConfig,
  type OptimizerName,
} from './optimizers/optimizer-registry.js';
export type { RmspropConfig } from './optimizers/rmsprop.js';
export type { SgdConfig } from './optimizers/sgd.js';
