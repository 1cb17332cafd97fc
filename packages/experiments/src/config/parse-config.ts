import { ConfigError } from './config-error.js';
import { EXPERIMENTS, type ExperimentConfig, experimentConfigSchema } from './experiment-config.js';
import { finiteDataIssue } from './finite-data-check.js';
import { parseWithSchema } from './parse-with-schema.js';

/**
 * Validates an experiment config and fills in every default.
 * Throws `ConfigError` naming each bad field and what it allows, also when
 * the data could not be finite float32 numbers (`finiteDataIssue`).
 *
 * @example
 * parseExperimentConfig({ experiment: 'line', epochs: 100 }); // the notebook's line, 100 epochs
 */
export function parseExperimentConfig(input: unknown): ExperimentConfig {
  const config = parseWithSchema(experimentConfigSchema, input, {
    experiment: `must be one of ${EXPERIMENTS.join(', ')}`,
    example: '{"experiment": "line"}',
  });
  const dataIssue = finiteDataIssue(config);
  if (dataIssue) throw new ConfigError([dataIssue]);
  return config;
}

/** The defaults of an experiment: the notebook's settings. */
export function defaultConfig(experiment: ExperimentConfig['experiment']): ExperimentConfig {
  return parseExperimentConfig({ experiment });
}
