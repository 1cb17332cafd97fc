import { readFileSync } from 'node:fs';
import {
  CONFIG_FIELDS,
  ConfigError,
  EXPERIMENTS,
  type ExperimentConfig,
  findField,
  formatIssue,
  parseExperimentConfig,
  parseFieldText,
} from '@epochlab/experiments';
import { UsageError } from './usage-error.js';

/** Flag values as commander hands them over: text, or a boolean for --shuffle/--no-shuffle. */
export type FlagValues = Record<string, string | boolean | undefined>;

/** Where the config came from, for error messages. */
type Source = { kind: 'preset'; name: string } | { kind: 'file'; path: string };

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code;
    throw new UsageError(`cannot read config file ${path}: ${why}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`config file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(
      `config file ${path} must hold a JSON object such as {"experiment": "line"}`,
    );
  }
  return parsed as Record<string, unknown>;
}

/**
 * The config for `epochlab run <experiment|file> [flags]`: the experiment's
 * defaults or the file's fields, overridden by the flags, validated by the
 * shared schema. Every problem becomes a `UsageError` naming the flag (or the
 * file's field) and what is allowed.
 */
export function resolveConfig(experimentOrFile: string, flags: FlagValues): ExperimentConfig {
  const looksLikeFile = experimentOrFile.endsWith('.json') || experimentOrFile.includes('/');
  if (!looksLikeFile && !(EXPERIMENTS as readonly string[]).includes(experimentOrFile)) {
    throw new UsageError(
      `unknown experiment "${experimentOrFile}"; choose ${EXPERIMENTS.join(' or ')}, or give a path to a config .json file`,
    );
  }
  const source: Source = looksLikeFile
    ? { kind: 'file', path: experimentOrFile }
    : { kind: 'preset', name: experimentOrFile };
  const base = source.kind === 'file' ? readConfigFile(source.path) : { experiment: source.name };

  const fromFlags: Record<string, unknown> = {};
  for (const field of CONFIG_FIELDS) {
    const value = flags[field.key];
    if (value === undefined) continue;
    fromFlags[field.key] = typeof value === 'boolean' ? value : parseFieldText(field, value);
  }
  const merged = { ...base, ...fromFlags };

  try {
    return parseExperimentConfig(merged);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const issue = error.issues[0];
    if (!issue) throw new UsageError(error.message);
    const key = issue.field.split(/[.[]/)[0] ?? issue.field;
    const field = findField(key);
    let name: string;
    if (field && key in fromFlags) name = `--${field.flag}`;
    else if (source.kind === 'file') name = `${source.path}: ${issue.field}`;
    else name = issue.field;
    if (field?.experiments && !field.experiments.includes(String(merged.experiment) as never)) {
      throw new UsageError(
        `${name} applies only to the ${field.experiments.join(', ')} experiment`,
      );
    }
    const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
    throw new UsageError(`${formatIssue(issue, name)}${more}`);
  }
}
