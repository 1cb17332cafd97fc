import type { LossName, OptimizerConfig, TrainingPathOption } from '@epochlab/train';
import type { ExperimentConfig } from '../experiments/experiment-list.js';
import { experimentOptimizer } from './experiment-optimizer.js';

/** How a config trains, in `@epochlab/train`'s terms. */
export interface ExperimentTrainSettings {
  readonly epochs: number;
  readonly loss: LossName;
  readonly optimizer: OptimizerConfig;
  readonly validationInterval: number;
  readonly trainingPath: TrainingPathOption;
}

/**
 * The training options of a config, for `trainModel` (one run) and
 * `trainMany` (a sweep's runs): one place, so a training field added to the
 * config reaches both.
 */
export function experimentTrainSettings(config: ExperimentConfig): ExperimentTrainSettings {
  return {
    epochs: config.epochs,
    loss: config.loss,
    optimizer: experimentOptimizer(config),
    validationInterval: config.valEvery,
    trainingPath: config.trainingPath,
  };
}
