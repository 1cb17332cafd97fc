import {
  ConfigError,
  type ConfigField,
  type ConfigProblem,
  parseFieldText,
  RUNNABLE_EXPERIMENTS,
  type RunConfig,
  type RunnableExperiment,
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
  readonly config: RunConfig;
  readonly problems: readonly FieldProblem[];
}

/** The name of an experiment the page trains: drawn points (`line`...) or the user's (`data`). */
export type FormExperimentName = RunnableExperiment['name'];

/** The experiment the page shows when none (or an unknown one) is given: the first of the list. */
export const FIRST_EXPERIMENT = RUNNABLE_EXPERIMENTS[0]?.name as FormExperimentName;

function definitionOf(experiment: FormExperimentName): RunnableExperiment {
  return RUNNABLE_EXPERIMENTS.find((e) => e.name === experiment) as RunnableExperiment;
}

/** The config fields an experiment has, in form order (the data experiment's points are not fields). */
export function fieldsOf(experiment: FormExperimentName): readonly ConfigField[] {
  return definitionOf(experiment).fields;
}

/** Whether `name` is the name of an experiment the page trains. */
export function isExperimentName(name: string): name is FormExperimentName {
  return RUNNABLE_EXPERIMENTS.some((experiment) => experiment.name === name);
}

/**
 * A config of `experiment` from field values (the others at their defaults),
 * validated by its schema. The data experiment's points are its example
 * points here: the page puts the user's in before a run (`withOwnPoints`).
 */
export function formConfig(experiment: FormExperimentName, values: object = {}): RunConfig {
  const definition = definitionOf(experiment);
  const data = definition.kind === 'given' ? definition.exampleData : {};
  return definition.parse({ ...data, ...values, experiment }) as RunConfig;
}

/**
 * Problems that depend on the data experiment's points rather than on one
 * field: checked with the user's points when they are put in, not against
 * the example points a field is checked with.
 */
const POINTS_DEPENDENT: readonly ConfigProblem['code'][] = ['batchSizeAboveRows'];

/**
 * Checks one field's text against the shared schema (the one the CLI uses):
 * `undefined` when it is valid, otherwise what is allowed.
 */
export function checkField(
  experiment: FormExperimentName,
  field: ConfigField,
  text: string,
): ConfigProblem | undefined {
  try {
    formConfig(experiment, { [field.key]: parseFieldText(field, text) });
    return undefined;
  } catch (error) {
    if (!ConfigError.isInstance(error)) throw error;
    const problem = error.issues[0]?.problem ?? { code: 'invalid' };
    return POINTS_DEPENDENT.includes(problem.code) ? undefined : problem;
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
        problem: { code: 'oneOf', choices: RUNNABLE_EXPERIMENTS.map((e) => e.name) },
      });
    }
  }
  const values: Record<string, unknown> = {};
  for (const field of fieldsOf(experiment)) {
    const text = texts.get(field.key);
    if (text === undefined) continue;
    const problem = checkField(experiment, field, text);
    if (problem === undefined) values[field.key] = parseFieldText(field, text);
    else problems.push({ key: field.key, text, problem });
  }
  return { config: formValues(experiment, values), problems };
}

/**
 * The config of valid field values. For the data experiment the fields are
 * put on its defaults without the check across fields (the batch size
 * against the example points' rows), which the page makes with the user's
 * points.
 */
function formValues(experiment: FormExperimentName, values: Record<string, unknown>): RunConfig {
  try {
    return formConfig(experiment, values);
  } catch (error) {
    if (!ConfigError.isInstance(error) || definitionOf(experiment).kind !== 'given') throw error;
    return { ...formConfig(experiment), ...values } as RunConfig;
  }
}
