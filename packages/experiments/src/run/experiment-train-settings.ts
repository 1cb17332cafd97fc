import type {
  EarlyStoppingOptions,
  LossName,
  OptimizerConfig,
  TrainingPathOption,
} from '@epochlab/train';
import type { ExperimentConfig } from '../experiments/experiment-list.js';
import { experimentOptimizer } from './experiment-optimizer.js';

/** How a config trains, in `@epochlab/train`'s terms. */
export interface ExperimentTrainSettings {
  readonly epochs: number;
  readonly loss: LossName;
  readonly optimizer: OptimizerConfig;
  readonly validationInterval: number;
  readonly trainingPath: TrainingPathOption;
  /** Keras's rule on the validation loss, when the config asks for early stopping. */
  readonly earlyStopping?: EarlyStoppingOptions;
}

/** The fields of a config (drawn or given data) that say how it trains. */
export type TrainSettingsConfig = Pick<
  ExperimentConfig,
  | 'epochs'
  | 'loss'
  | 'valEvery'
  | 'trainingPath'
  | 'earlyStopping'
  | 'patience'
  | 'minDelta'
  | 'restoreBest'
> &
  Parameters<typeof experimentOptimizer>[0];

/**
 * The training options of a config, for `trainModel` (one run) and
 * `trainMany` (a sweep's runs): one place, so a training field added to the
 * config reaches both.
 */
export function experimentTrainSettings(config: TrainSettingsConfig): ExperimentTrainSettings {
  return {
    epochs: config.epochs,
    loss: config.loss,
    optimizer: experimentOptimizer(config),
    validationInterval: config.valEvery,
    trainingPath: config.trainingPath,
    ...(config.earlyStopping
      ? {
          earlyStopping: {
            monitor: 'val' as const,
            patience: config.patience,
            minDelta: config.minDelta,
            restoreBestWeights: config.restoreBest,
          },
        }
      : {}),
  };
}
