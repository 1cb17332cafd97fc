import { statSync } from 'node:fs';
import {
  BATCH_SIZE_LAB,
  type BatchSizeLabConfig,
  ConfigError,
  type ConfigField,
  type ConfigIssue,
  checkStreamedRows,
  type DataExperimentConfig,
  dataExperiment,
  type ExperimentConfig,
  formatFieldValue,
  formatIssue,
  type HardwareConfig,
  type LocalMinimaConfig,
  parseExperimentConfig,
  parseFieldText,
  parseStreamedDataConfig,
  type StreamedDataConfig,
} from '@epochlab/experiments';
import { listInWords } from '../progress/format.js';
import { readConfigFile } from './config-file.js';
import {
  CONFIG_FLAGS,
  experimentDefaults,
  experimentNamed,
  fieldsOf,
  RUN_EXPERIMENTS,
  type RunExperimentName,
} from './config-flags.js';
import { type DataFlags, type DataFromFlags, dataFromFlags, tableOptions } from './data-flags.js';
import { type OpenedStreams, openStreamedData, STREAM_FROM_BYTES } from './streamed-data-files.js';
import { UsageError } from './usage-error.js';

/** Flag values as commander hands them over: text, or a boolean for --shuffle/--no-shuffle. */
export type FlagValues = Record<string, string | boolean | undefined>;

/** A validated config of any experiment `epochlab run` knows, tagged by its definition's kind. */
export type RunConfig =
  | { readonly kind: 'fit'; readonly config: ExperimentConfig }
  | {
      readonly kind: 'given';
      readonly config: DataExperimentConfig;
      /** The files the points came from; absent when a config file held them inline. */
      readonly files: DataFromFlags['files'] | undefined;
    }
  | {
      readonly kind: 'given-stream';
      readonly config: StreamedDataConfig;
      readonly streams: OpenedStreams;
    }
  | { readonly kind: 'lab'; readonly config: LabConfig };

/** A validated config of an experiment of kind `lab`: each has its own runner. */
export type LabConfig = BatchSizeLabConfig | LocalMinimaConfig | HardwareConfig;

/** Where the config came from, for error messages. */
type Source = { kind: 'preset'; name: string } | { kind: 'file'; path: string };

function isRunExperiment(name: unknown): name is RunExperimentName {
  return (RUN_EXPERIMENTS as readonly unknown[]).includes(name);
}

function experimentChoices(): string {
  return `${RUN_EXPERIMENTS.slice(0, -1).join(', ')} or ${RUN_EXPERIMENTS.at(-1)}`;
}

/** The experiment a config file names, or a `UsageError` naming the file. */
function experimentOfFile(path: string, base: Record<string, unknown>): RunExperimentName {
  const name = base.experiment;
  if (isRunExperiment(name)) return name;
  const got = name === undefined ? '' : `; got ${JSON.stringify(name)}`;
  throw new UsageError(`${path}: experiment must be one of ${RUN_EXPERIMENTS.join(', ')}${got}`);
}

/**
 * Turns the flags that were given into config values for `experiment`. A flag
 * of another experiment's field is a `UsageError` naming where it applies.
 */
function valuesFromFlags(
  experiment: RunExperimentName,
  fields: readonly ConfigField[],
  flags: FlagValues,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const flag of CONFIG_FLAGS) {
    const value = flags[flag.attribute];
    if (value === undefined) continue;
    const field = fields.find((candidate) => candidate.flag === flag.flag);
    if (!field) {
      const hint =
        flag.flag === 'batch-size' && experiment === BATCH_SIZE_LAB
          ? '; the batch-size lab takes --batch-sizes (a list, such as 1,5,25,full)'
          : '';
      const plural = flag.experiments.length > 1 ? 's' : '';
      throw new UsageError(
        `--${flag.flag} applies only to the ${listInWords(flag.experiments)} experiment${plural}${hint}`,
      );
    }
    values[field.key] = typeof value === 'boolean' ? value : parseFieldText(field, value);
  }
  return values;
}

/** The text typed for each config field given as a flag, by field key (`epochs: "1e309"`). */
function typedValues(fields: readonly ConfigField[], flags: FlagValues): Record<string, string> {
  const typed: Record<string, string> = {};
  for (const flag of CONFIG_FLAGS) {
    const value = flags[flag.attribute];
    const field = fields.find((candidate) => candidate.flag === flag.flag);
    if (typeof value === 'string' && field) typed[field.key] = value;
  }
  return typed;
}

/**
 * `formatIssue`, with the value as the user typed it (`got 1e309`, not the
 * `null` that JSON makes of Infinity); a non-finite number from a file reads
 * `Infinity`.
 */
function formatIssueAsTyped(issue: ConfigIssue, name: string, typed: string | undefined): string {
  if (typed !== undefined && typeof issue.value === 'number')
    return `${formatIssue({ ...issue, value: undefined }, name)}; got ${typed}`;
  if (typeof issue.value === 'number' && !Number.isFinite(issue.value)) {
    return `${formatIssue({ ...issue, value: undefined }, name)}; got ${issue.value}`;
  }
  return formatIssue(issue, name);
}

/** The value at a field path such as `batchSizes[2]` or `hidden`. */
function valueAt(config: Record<string, unknown>, field: string): unknown {
  let current: unknown = config;
  for (const part of field.split(/[.[\]]/).filter((p) => p !== '')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * Validates `merged` with the experiment's schema. A `ConfigError` becomes a
 * `UsageError` naming the flag (when the value came from a flag or from the
 * experiment's defaults) or the file's field, and what is allowed.
 */
function validate(
  experiment: RunExperimentName,
  fields: readonly ConfigField[],
  merged: Record<string, unknown>,
  fromFlags: Record<string, unknown>,
  source: Source,
  typed: Record<string, string>,
  files: DataFromFlags['files'] | undefined,
  stream: StreamSource | undefined,
): RunConfig {
  try {
    const definition = experimentNamed(experiment);
    const kind = definition.kind;
    if (kind === 'lab') return { kind: 'lab', config: definition.parse(merged) as LabConfig };
    if (kind === 'given' && stream) {
      const config = parseStreamedDataConfig(merged);
      return { kind: 'given-stream', config, streams: openStreams(stream, config) };
    }
    if (kind === 'given') return { kind: 'given', config: dataExperiment.parse(merged), files };
    return { kind: 'fit', config: parseExperimentConfig(merged) };
  } catch (error) {
    if (!ConfigError.isInstance(error)) throw error;
    const issue = error.issues[0];
    if (!issue) throw new UsageError(error.message);
    const key = issue.field.split(/[.[]/)[0] ?? issue.field;
    const field = fields.find((candidate) => candidate.key === key);
    let name: string;
    if (field && (key in fromFlags || source.kind === 'preset')) name = `--${field.flag}`;
    else if (source.kind === 'file') name = `${source.path}: ${issue.field}`;
    else name = issue.field;
    const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
    if (issue.value === undefined && source.kind === 'preset' && !(key in fromFlags)) {
      // A default that clashes with another flag (the default batch sizes with a small --n).
      const defaults = experimentDefaults(experiment);
      const value = valueAt(defaults, issue.field);
      if (value !== undefined) {
        const clash = `${formatIssue({ ...issue, value }, name)} (the default is ${formatFieldValue(defaults[key])})`;
        throw new UsageError(`${clash}${more}`);
      }
    }
    throw new UsageError(`${formatIssueAsTyped(issue, name, typed[issue.field])}${more}`);
  }
}

/**
 * The config for `epochlab run <experiment|file> [flags]`: the experiment's
 * defaults or the file's fields, overridden by the flags, validated by the
 * experiment's schema (each entry of the experiment list has its own). Every problem becomes a `UsageError` naming the flag (or the
 * file's field) and what is allowed.
 */
export function resolveConfig(experimentOrFile: string, flags: FlagValues & DataFlags): RunConfig {
  const looksLikeFile = experimentOrFile.endsWith('.json') || experimentOrFile.includes('/');
  if (!looksLikeFile && !isRunExperiment(experimentOrFile)) {
    throw new UsageError(
      `unknown experiment "${experimentOrFile}"; choose ${experimentChoices()}, or give a path to a config .json file`,
    );
  }
  const source: Source = looksLikeFile
    ? { kind: 'file', path: experimentOrFile }
    : { kind: 'preset', name: experimentOrFile };
  const base = source.kind === 'file' ? readConfigFile(source.path) : { experiment: source.name };
  const experiment =
    source.kind === 'file'
      ? experimentOfFile(source.path, base)
      : (source.name as RunExperimentName);

  const fields = fieldsOf(experiment);
  const fromFlags = valuesFromFlags(experiment, fields, flags);
  const stream = streamSource(experiment, flags);
  const data = stream ? undefined : dataOf(experiment, base, flags);
  const merged = { ...base, ...fromFlags, ...(data ? pointsOf(data) : {}) };
  const typed = typedValues(fields, flags);
  return validate(experiment, fields, merged, fromFlags, source, typed, data?.files, stream);
}

/** A CSV file to stream rather than read whole: `--data` of the data experiment, 16 MiB or more. */
interface StreamSource {
  readonly path: string;
  readonly valPath: string | undefined;
  readonly flags: DataFlags;
}

function streamSource(experiment: RunExperimentName, flags: DataFlags): StreamSource | undefined {
  if (experimentNamed(experiment).kind !== 'given' || flags.data === undefined) return undefined;
  if (flags.data.toLowerCase().endsWith('.json')) return undefined;
  let bytes: number;
  try {
    bytes = statSync(flags.data).size;
  } catch {
    return undefined; // dataOf's reading says what is wrong with the path
  }
  if (bytes < STREAM_FROM_BYTES) return undefined;
  if ((flags as FlagValues).valFraction !== undefined && flags.valData !== undefined) {
    throw new UsageError('--val-fraction and --val-data exclude each other: give one');
  }
  return { path: flags.data, valPath: flags.valData, flags };
}

/**
 * Opens a streamed run's files (one checking pass each) and checks the config
 * against the rows found (batch size, early stopping's validation rows).
 */
function openStreams(stream: StreamSource, config: StreamedDataConfig): OpenedStreams {
  const streams = openStreamedData(stream.path, stream.valPath, tableOptions(stream.flags), config);
  checkStreamedRows(config, streams.data.rowsUsed);
  return streams;
}

/** The points --data gives, as config fields. */
function pointsOf(data: DataFromFlags): Record<string, unknown> {
  return {
    points: data.points,
    ...(data.validationPoints ? { validationPoints: data.validationPoints } : {}),
  };
}

/**
 * The data experiment's points from --data (read before anything is
 * written); a `UsageError` when it has none, or when data flags are given to
 * another experiment.
 */
function dataOf(
  experiment: RunExperimentName,
  base: Record<string, unknown>,
  flags: DataFlags,
): DataFromFlags | undefined {
  const given = experimentNamed(experiment).kind === 'given';
  const dataFlag = (['data', 'valData', 'x', 'y', 'separator', 'decimalComma'] as const).find(
    (key) => flags[key] !== undefined,
  );
  if (!given) {
    if (dataFlag === undefined) return undefined;
    const flag = `--${dataFlag.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    throw new UsageError(`${flag} applies only to the ${dataExperiment.name} experiment`);
  }
  const data = dataFromFlags(flags);
  if (data === undefined && base.points === undefined) {
    throw new UsageError(
      `the ${dataExperiment.name} experiment needs --data <file.csv or file.json> (or "points" in its config file)`,
    );
  }
  if (data?.validationPoints !== undefined && (flags as FlagValues).valFraction !== undefined) {
    throw new UsageError('--val-fraction and --val-data exclude each other: give one');
  }
  return data;
}
