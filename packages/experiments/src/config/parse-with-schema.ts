import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from './config-error.js';

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

function toIssues(input: unknown, error: z.ZodError, experimentProblem: string): ConfigIssue[] {
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
    const isExperiment = issue.path.length === 1 && issue.path[0] === 'experiment';
    issues.push({
      field: fieldName(issue.path),
      problem: isExperiment ? experimentProblem : issue.message,
      value: valueAt(input, issue.path),
    });
  }
  return issues;
}

/** How `parseWithSchema` words the problems that are not the schema's own. */
export interface ConfigWording {
  /** The problem when `experiment` is missing or wrong, e.g. `must be one of line, polynomial`. */
  readonly experiment: string;
  /** An example config, for input that is not an object: `{"experiment": "line"}`. */
  readonly example: string;
}

/**
 * Validates `input` with a config schema and fills in its defaults; throws
 * `ConfigError` with one issue per bad field (`batchSizes[1]`, `hidden[0]`,
 * an unknown key), each naming what is allowed and the value given.
 */
export function parseWithSchema<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  wording: ConfigWording,
): z.output<Schema> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ConfigError([
      { field: 'config', problem: `must be an object such as ${wording.example}`, value: input },
    ]);
  }
  const result = schema.safeParse(input);
  if (!result.success) throw new ConfigError(toIssues(input, result.error, wording.experiment));
  return result.data;
}
