import { dataExperiment } from '../experiments/data-experiment.js';
import {
  type ExperimentConfig,
  type ExperimentName,
  FIT_EXPERIMENTS,
  findFitExperiment,
  RUNNABLE_EXPERIMENTS,
  type RunConfig,
} from '../experiments/experiment-list.js';
import { ConfigError } from './config-error.js';
import { isConfigObject, notAnObjectError } from './parse-with-schema.js';

/**
 * Validates an experiment config and fills in every default.
 * Throws `ConfigError` naming each bad field and what it allows, also when
 * the data could not be finite float32 numbers (`finiteDataIssue`).
 *
 * @example
 * parseExperimentConfig({ experiment: 'line', epochs: 100 }); // the notebook's line, 100 epochs
 */
export function parseExperimentConfig(input: unknown): ExperimentConfig {
  if (!isConfigObject(input)) throw notAnObjectError(input, '{"experiment": "line"}');
  const experiment = findFitExperiment(input.experiment);
  if (experiment === undefined) {
    throw new ConfigError([
      {
        field: 'experiment',
        problem: { code: 'oneOf', choices: FIT_EXPERIMENTS.map((e) => e.name) },
        value: input.experiment,
      },
    ]);
  }
  return experiment.parse(input) as ExperimentConfig;
}

/** The defaults of an experiment: the notebook's settings. */
export function defaultConfig(experiment: ExperimentName): ExperimentConfig {
  return parseExperimentConfig({ experiment });
}

/**
 * Validates any config `runExperiment` runs: a drawn-data experiment's
 * (`parseExperimentConfig`) or the data experiment's, with its points.
 */
export function parseRunConfig(input: unknown): RunConfig {
  if (isConfigObject(input) && input.experiment === dataExperiment.name) {
    return dataExperiment.parse(input);
  }
  if (isConfigObject(input) && findFitExperiment(input.experiment) === undefined) {
    throw new ConfigError([
      {
        field: 'experiment',
        problem: { code: 'oneOf', choices: RUNNABLE_EXPERIMENTS.map((e) => e.name) },
        value: input.experiment,
      },
    ]);
  }
  return parseExperimentConfig(input);
}
