import {
  ConfigError,
  type ConfigField,
  type ConfigProblem,
  type ExperimentConfig,
  type ExperimentName,
  FIT_EXPERIMENTS,
  findFitExperiment,
  parseExperimentConfig,
  parseFieldText,
} from '@epochlab/experiments';

/** One field whose text did not validate, with the schema's reason. */
export interface FieldProblem {
  /** The config key (`batchSize`), or `experiment`. */
  readonly key: string;
  /** The text that was given. */
  readonly text: string;
  /** What is allowed, from the shared schema: `{ code: 'wholeNumber', min: 1, max: 1000000 }`. */
  readonly problem: ConfigProblem;
}

/** A config built field by field: every good field kept, every bad one reported and defaulted. */
export interface CheckedConfig {
  readonly config: ExperimentConfig;
  readonly problems: readonly FieldProblem[];
}

/** The experiment the page shows when none (or an unknown one) is given: the first of the list. */
export const FIRST_EXPERIMENT = FIT_EXPERIMENTS[0]?.name as ExperimentName;

/** The config fields an experiment has, in form order. */
export function fieldsOf(experiment: ExperimentName): readonly ConfigField[] {
  return findFitExperiment(experiment)?.fields ?? [];
}

/** Whether `name` is the name of an experiment the page trains. */
export function isExperimentName(name: string): name is ExperimentName {
  return findFitExperiment(name) !== undefined;
}

/**
 * Checks one field's text against the shared schema (the one the CLI uses):
 * `undefined` when it is valid, otherwise what is allowed.
 */
export function checkField(
  experiment: ExperimentName,
  field: ConfigField,
  text: string,
): ConfigProblem | undefined {
  try {
    parseExperimentConfig({ experiment, [field.key]: parseFieldText(field, text) });
    return undefined;
  } catch (error) {
    if (ConfigError.isInstance(error)) return error.issues[0]?.problem ?? { code: 'invalid' };
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
  let experiment = FIRST_EXPERIMENT;
  if (experimentText !== undefined) {
    if (isExperimentName(experimentText)) experiment = experimentText;
    else {
      problems.push({
        key: 'experiment',
        text: experimentText,
        problem: { code: 'oneOf', choices: FIT_EXPERIMENTS.map((e) => e.name) },
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
