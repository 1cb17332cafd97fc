import {
  CONFIG_FIELDS,
  ConfigError,
  type ConfigField,
  EXPERIMENTS,
  type ExperimentConfig,
  type ExperimentName,
  parseExperimentConfig,
  parseFieldText,
} from '@epochlab/experiments';

/** One field whose text did not validate, with the schema's reason. */
export interface FieldProblem {
  /** The config key (`batchSize`), or `experiment`. */
  readonly key: string;
  /** The text that was given. */
  readonly text: string;
  /** What is allowed, from the shared schema: `must be a whole number from 1 to 1000000`. */
  readonly problem: string;
}

/** A config built field by field: every good field kept, every bad one reported and defaulted. */
export interface CheckedConfig {
  readonly config: ExperimentConfig;
  readonly problems: readonly FieldProblem[];
}

/** The config fields an experiment has, in form order. */
export function fieldsOf(experiment: ExperimentName): readonly ConfigField[] {
  return CONFIG_FIELDS.filter(
    (field) => !field.experiments || field.experiments.includes(experiment),
  );
}

/** Whether `name` is an experiment name. */
export function isExperimentName(name: string): name is ExperimentName {
  return (EXPERIMENTS as readonly string[]).includes(name);
}

/**
 * Checks one field's text against the shared schema (the one the CLI uses):
 * `undefined` when it is valid, otherwise what is allowed.
 */
export function checkField(
  experiment: ExperimentName,
  field: ConfigField,
  text: string,
): string | undefined {
  try {
    parseExperimentConfig({ experiment, [field.key]: parseFieldText(field, text) });
    return undefined;
  } catch (error) {
    if (ConfigError.isInstance(error)) return error.issues[0]?.problem ?? 'is not valid';
    throw error;
  }
}

/**
 * Builds a config from the text of each field (form inputs or URL parameters).
 * A field that is missing takes its default; a field whose text does not
 * validate is reported and takes its default too, so one bad value never
 * throws away the others.
 */
export function configFromTexts(
  experimentText: string | undefined,
  texts: ReadonlyMap<string, string>,
): CheckedConfig {
  const problems: FieldProblem[] = [];
  let experiment: ExperimentName = 'line';
  if (experimentText !== undefined) {
    if (isExperimentName(experimentText)) experiment = experimentText;
    else {
      problems.push({
        key: 'experiment',
        text: experimentText,
        problem: `must be one of ${EXPERIMENTS.join(', ')}`,
      });
    }
  }
  const input: Record<string, unknown> = { experiment };
  for (const field of fieldsOf(experiment)) {
    const text = texts.get(field.key);
    if (text === undefined) continue;
    const problem = checkField(experiment, field, text);
    if (problem === undefined) input[field.key] = parseFieldText(field, text);
    else problems.push({ key: field.key, text, problem });
  }
  return { config: parseExperimentConfig(input), problems };
}
