import { EXPERIMENTS, type ExperimentConfig, experimentConfigSchema } from './experiment-config.js';
import { parseWithSchema } from './parse-with-schema.js';

/**
 * Validates an experiment config and fills in every default.
 * Throws `ConfigError` naming each bad field and what it allows.
 *
 * @example
 * parseExperimentConfig({ experiment: 'line', epochs: 100 }); // the notebook's line, 100 epochs
 */
export function parseExperimentConfig(input: unknown): ExperimentConfig {
  return parseWithSchema(experimentConfigSchema, input, {
    experiment: `must be one of ${EXPERIMENTS.join(', ')}`,
    example: '{"experiment": "line"}',
  });
}

/** The defaults of an experiment: the notebook's settings. */
export function defaultConfig(experiment: ExperimentConfig['experiment']): ExperimentConfig {
  return parseExperimentConfig({ experiment });
}
