import type { tf } from '@epochlab/tensor';
import { InvalidArgumentError } from '@epochlab/tensor/errors';
import { chooseFusedPath } from '../fused/choose-fused-path.js';
import { createLoss } from '../losses/create-loss.js';
import { createOptimizer } from '../optimizers/create-optimizer.js';
import { GenericTrainingPath } from './generic-training-path.js';
import type { ResolvedTrainOptions } from './resolve-train-options.js';
import type { TrainableModel } from './trainable-model.js';
import type { TrainingPath } from './training-path.js';

/** A run's path, and the tfjs optimizer the caller disposes after the run (generic path only). */
export interface CreatedTrainingPath {
  readonly path: TrainingPath;
  readonly optimizer: tf.Optimizer | undefined;
}

/**
 * The path a run uses, by `settings.trainingPath`: `'auto'` the fused one
 * when it applies (see `chooseFusedPath`), else the generic one; `'fused'`
 * the fused one, or an `InvalidArgumentError` naming `trainingPath` (or
 * `forRun`, e.g. `runs[2].trainingPath`) and why it cannot apply;
 * `'generic'` the generic one.
 */
export function createTrainingPath(
  model: TrainableModel,
  settings: ResolvedTrainOptions,
  forRun = '',
): CreatedTrainingPath {
  if (settings.trainingPath !== 'generic') {
    const choice = chooseFusedPath(
      model,
      settings.loss,
      settings.optimizer,
      settings.fusedPrecision,
      settings.fusedFma,
      settings.fusedThreads,
    );
    if ('path' in choice) return { path: choice.path, optimizer: undefined };
    if (settings.trainingPath === 'fused') {
      throw new InvalidArgumentError(
        `${forRun}trainingPath`,
        `'auto' or 'generic' here, because the fused path cannot train this run: ${choice.reason}`,
        'fused',
      );
    }
  }
  const optimizer = createOptimizer(settings.optimizer);
  return { path: new GenericTrainingPath(model, createLoss(settings.loss), optimizer), optimizer };
}
