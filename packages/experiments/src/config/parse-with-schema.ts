import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { problemFromMessage } from './config-problem.js';

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
    const problem = problemFromMessage(issue.message);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ field: fieldName([...issue.path, key]), problem, value: undefined });
      }
      continue;
    }
    issues.push({ field: fieldName(issue.path), problem, value: valueAt(input, issue.path) });
  }
  return issues;
}

/** A `ConfigError` for input that is not an object: `config must be an object such as {...}`. */
export function notAnObjectError(input: unknown, example: string): ConfigError {
  return new ConfigError([
    { field: 'config', problem: { code: 'configObject', example }, value: input },
  ]);
}

/** Whether `input` is a plain object (not null, not an array). */
export function isConfigObject(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

/**
 * Validates `input` with a config schema and fills in its defaults; throws
 * `ConfigError` with one issue per bad field (`batchSizes[1]`, `hidden[0]`,
 * an unknown key), each with its problem code and the value given. `example`
 * is shown when the input is not an object: `{"experiment": "line"}`.
 */
export function parseWithSchema<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  example: string,
): z.output<Schema> {
  if (!isConfigObject(input)) throw notAnObjectError(input, example);
  const result = schema.safeParse(input);
  if (!result.success) throw new ConfigError(toIssues(input, result.error));
  return result.data;
}
