import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { EXPERIMENTS, type ExperimentConfig, experimentConfigSchema } from './experiment-config.js';

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function fieldName(path: readonly PropertyKey[]): string {
  let name = '';
  for (const key of path) {
    name += typeof key === 'number' ? `[${key}]` : name ? `.${String(key)}` : String(key);
  }
  return name || 'config';
}

function toIssues(input: unknown, error: z.ZodError): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({
          field: fieldName([...issue.path, key]),
          problem: issue.message,
          value: undefined,
        });
      }
      continue;
    }
    const isDiscriminator = issue.path.length === 1 && issue.path[0] === 'experiment';
    issues.push({
      field: fieldName(issue.path),
      problem: isDiscriminator ? `must be one of ${EXPERIMENTS.join(', ')}` : issue.message,
      value: valueAt(input, issue.path),
    });
  }
  return issues;
}

/**
 * Validates an experiment config and fills in every default.
 * Throws `ConfigError` naming each bad field and what it allows.
 *
 * @example
 * parseExperimentConfig({ experiment: 'line', epochs: 100 }); // the notebook's line, 100 epochs
 */
export function parseExperimentConfig(input: unknown): ExperimentConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ConfigError([
      {
        field: 'config',
        problem: 'must be an object such as {"experiment": "line"}',
        value: input,
      },
    ]);
  }
  const result = experimentConfigSchema.safeParse(input);
  if (!result.success) throw new ConfigError(toIssues(input, result.error));
  return result.data;
}

/** The defaults of an experiment: the notebook's settings. */
export function defaultConfig(experiment: ExperimentConfig['experiment']): ExperimentConfig {
  return parseExperimentConfig({ experiment });
}
