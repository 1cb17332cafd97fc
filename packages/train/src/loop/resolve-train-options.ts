import { InvalidArgumentError } from '@epochlab/tensor/errors';
import type { ResolvedEarlyStopping } from '../early-stopping/early-stopping-monitor.js';
import type { EarlyStoppingOptions } from '../early-stopping/early-stopping-options.js';
import { FUSED_PRECISION_OPTIONS, type FusedPrecisionOption } from '../fused/choose-precision.js';
import type { FusedThreadsOption } from '../fused/choose-threads.js';
import { resolveLossConfig } from '../losses/create-loss.js';
import type { ResolvedLossConfig } from '../losses/loss-registry.js';
import type { ResolvedOptimizerConfig } from '../optimizers/optimizer-registry.js';
import { resolveOptimizerConfig } from '../optimizers/resolve-optimizer-config.js';
import {
  TRAINING_PATH_OPTIONS,
  type TrainingPathOption,
  type TrainModelOptions,
} from './train-options.js';

/** `TrainModelOptions` checked, with defaults filled in. */
export interface ResolvedTrainOptions {
  readonly epochs: number;
  readonly loss: ResolvedLossConfig;
  readonly optimizer: ResolvedOptimizerConfig;
  readonly validationInterval: number;
  readonly earlyStopping: ResolvedEarlyStopping | undefined;
  readonly keepBestWeights: boolean;
  readonly minIntervalMs: number;
  readonly everyEpochs: number;
  readonly yieldIntervalMs: number;
  readonly trainingPath: TrainingPathOption;
  readonly fusedPrecision: FusedPrecisionOption;
  readonly fusedFma: boolean;
  readonly fusedThreads: FusedThreadsOption;
}

function isWholeAtLeastOne(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

function resolveEarlyStopping(
  options: EarlyStoppingOptions | undefined,
  hasValidation: boolean,
): ResolvedEarlyStopping | undefined {
  if (options === undefined) return undefined;
  const monitor = options.monitor ?? (hasValidation ? 'val' : 'train');
  if (monitor !== 'val' && monitor !== 'train') {
    throw new InvalidArgumentError('earlyStopping.monitor', "'val' or 'train'", monitor);
  }
  if (monitor === 'val' && !hasValidation) {
    throw new InvalidArgumentError(
      'earlyStopping.monitor',
      "'train' when no validation source is given",
      monitor,
    );
  }
  const { patience } = options;
  if (!isWholeAtLeastOne(patience) && patience !== Number.POSITIVE_INFINITY) {
    throw new InvalidArgumentError(
      'earlyStopping.patience',
      'a whole number >= 1 or Infinity',
      patience,
    );
  }
  const minDelta = options.minDelta ?? 0;
  if (typeof minDelta !== 'number' || !Number.isFinite(minDelta) || minDelta < 0) {
    throw new InvalidArgumentError('earlyStopping.minDelta', 'a finite number >= 0', minDelta);
  }
  const restoreBestWeights = options.restoreBestWeights ?? false;
  if (typeof restoreBestWeights !== 'boolean' && restoreBestWeights !== 'always') {
    throw new InvalidArgumentError(
      'earlyStopping.restoreBestWeights',
      "true, false or 'always'",
      restoreBestWeights,
    );
  }
  return { monitor, patience, minDelta, restoreBestWeights };
}

/**
 * Checks every option of `trainModel` before anything is allocated and fills
 * in defaults. Throws `InvalidArgumentError` naming the first bad field.
 */
export function resolveTrainOptions(options: TrainModelOptions): ResolvedTrainOptions {
  const { model, train, validation, epochs } = options;
  if (
    typeof model?.forward !== 'function' ||
    !Array.isArray(model.trainableVariables) ||
    model.trainableVariables.length === 0
  ) {
    throw new InvalidArgumentError(
      'model',
      'a model with forward() and at least one trainable variable',
      model === undefined ? undefined : 'an object without them',
    );
  }
  if (typeof train?.batches !== 'function') {
    throw new InvalidArgumentError('train', 'a batch source with batches(epoch)', train);
  }
  if (validation !== undefined && typeof validation.batches !== 'function') {
    throw new InvalidArgumentError('validation', 'a batch source with batches(epoch)', validation);
  }
  if (!isWholeAtLeastOne(epochs)) {
    throw new InvalidArgumentError('epochs', 'a whole number >= 1', epochs);
  }
  const loss = resolveLossConfig(options.loss);
  const optimizer = resolveOptimizerConfig(options.optimizer);
  const validationInterval = options.validationInterval ?? 10;
  if (!isWholeAtLeastOne(validationInterval)) {
    throw new InvalidArgumentError('validationInterval', 'a whole number >= 1', validationInterval);
  }
  const earlyStopping = resolveEarlyStopping(options.earlyStopping, validation !== undefined);
  const keepBestWeights = options.keepBestWeights ?? false;
  if (typeof keepBestWeights !== 'boolean') {
    throw new InvalidArgumentError('keepBestWeights', 'true or false', keepBestWeights);
  }
  if (keepBestWeights && validation === undefined) {
    throw new InvalidArgumentError(
      'keepBestWeights',
      'false when no validation source is given',
      keepBestWeights,
    );
  }
  const minIntervalMs = options.throttle?.minIntervalMs ?? 0;
  if (typeof minIntervalMs !== 'number' || !(minIntervalMs >= 0)) {
    throw new InvalidArgumentError('throttle.minIntervalMs', 'a number >= 0', minIntervalMs);
  }
  const everyEpochs = options.throttle?.everyEpochs ?? 1;
  if (!isWholeAtLeastOne(everyEpochs)) {
    throw new InvalidArgumentError('throttle.everyEpochs', 'a whole number >= 1', everyEpochs);
  }
  const yieldIntervalMs = options.yieldIntervalMs ?? 25;
  if (typeof yieldIntervalMs !== 'number' || !(yieldIntervalMs > 0)) {
    throw new InvalidArgumentError('yieldIntervalMs', 'a number > 0', yieldIntervalMs);
  }
  const trainingPath = options.trainingPath ?? 'auto';
  if (!TRAINING_PATH_OPTIONS.includes(trainingPath)) {
    throw new InvalidArgumentError(
      'trainingPath',
      `one of ${TRAINING_PATH_OPTIONS.join(', ')}`,
      trainingPath,
    );
  }
  const fusedPrecision = options.fusedPrecision ?? 'auto';
  if (!FUSED_PRECISION_OPTIONS.includes(fusedPrecision)) {
    throw new InvalidArgumentError(
      'fusedPrecision',
      `one of ${FUSED_PRECISION_OPTIONS.join(', ')}`,
      fusedPrecision,
    );
  }
  const fusedFma = options.fusedFma ?? true;
  if (typeof fusedFma !== 'boolean') {
    throw new InvalidArgumentError('fusedFma', 'true or false', fusedFma);
  }
  const fusedThreads = options.fusedThreads ?? 'auto';
  if (fusedThreads !== 'auto' && !isWholeAtLeastOne(fusedThreads)) {
    throw new InvalidArgumentError('fusedThreads', "'auto' or a whole number >= 1", fusedThreads);
  }
  return {
    epochs,
    loss,
    optimizer,
    validationInterval,
    earlyStopping,
    keepBestWeights,
    minIntervalMs,
    everyEpochs,
    yieldIntervalMs,
    trainingPath,
    fusedPrecision,
    fusedFma,
    fusedThreads,
  };
}
