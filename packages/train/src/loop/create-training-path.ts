import type { tf } from '@epochlab/tensor';
import { chooseFusedPath } from '../fused/choose-fused-path.js';
import { createLoss } from '../losses/create-loss.js';
import { createOptimizer } from '../optimizers/create-optimizer.js';
import { GenericTrainingPath } from './generic-training-path.js';
import type { ResolvedTrainOptions } from './resolve-train-options.js';
import type { TrainableModel } from './trainable-model.js';
import type { TrainingPath } from './training-path.js';

/**
 * The path a run uses: the fused one when `trainingPath` is `'auto'` and it
 * applies (see `chooseFusedPath`), else the generic one with a tfjs optimizer
 * the caller disposes after the run.
 */
export function createTrainingPath(
  model: TrainableModel,
  settings: ResolvedTrainOptions,
): { readonly path: TrainingPath; readonly optimizer: tf.Optimizer | undefined } {
  if (settings.trainingPath === 'auto') {
    const fused = chooseFusedPath(model, settings.loss, settings.optimizer);
    if (fused !== undefined) return { path: fused, optimizer: undefined };
  }
  const optimizer = createOptimizer(settings.optimizer);
  return { path: new GenericTrainingPath(model, createLoss(settings.loss), optimizer), optimizer };
}
