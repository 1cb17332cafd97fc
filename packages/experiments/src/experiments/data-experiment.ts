import { z } from 'zod';
import {
  COMMON_FIELDS,
  type CommonConfig,
  EARLY_STOPPING_FIELDS,
  type EarlyStoppingConfig,
} from '../config/common-fields.js';
import { ConfigError, type ConfigIssue } from '../config/config-error.js';
import {
  booleanField,
  type ConfigOfFields,
  fieldShape,
  numberField,
} from '../config/config-field.js';
import { problemMessage } from '../config/config-problem.js';
import { earlyStoppingIssue } from '../config/early-stopping-check.js';
import { parseWithSchema } from '../config/parse-with-schema.js';
import { inputCount, type PointLists, pointCount, pointsSchema } from '../config/points-schema.js';
import type { GivenDataDefinition } from './experiment-definition.js';

/** `data`: the experiment over the user's own points. */
export const DATA_EXPERIMENT = 'data';

/** The common fields that describe drawn data (how many points, their noise and range): not for given data. */
const DRAWN_DATA_KEYS: readonly string[] = ['n', 'valN', 'sigma', 'range'];

/** The fields of the data experiment a flag or form sets: the split, standardisation, the model and its training. */
export const DATA_EXPERIMENT_FIELDS = [
  numberField({
    key: 'valFraction',
    group: 'data',
    help: 'share of the points held out for validation when no validation points are given (0: none)',
    rule: { code: 'numberFromBelow', min: 0, max: 1 },
    default: 0.2,
  }),
  booleanField({
    key: 'standardize',
    group: 'data',
    help: 'standardise inputs and targets (mean 0, std 1, fit on the training points only)',
    default: true,
  }),
  ...COMMON_FIELDS.filter((field) => !DRAWN_DATA_KEYS.includes(field.key)),
  ...EARLY_STOPPING_FIELDS,
] as const;

type TrainingConfig = Omit<CommonConfig, 'n' | 'valN' | 'sigma' | 'range'>;

/**
 * A validated config of the data experiment: the points themselves (one or
 * more inputs, one target), validation points or the share held out, whether to
 * standardise, and the model and training fields every experiment has.
 */
export type DataExperimentConfig = {
  readonly experiment: typeof DATA_EXPERIMENT;
  /** The training points (all the points, when `valFraction` holds some out). */
  readonly points: PointLists;
  /** Separate validation points; when given, `valFraction` is not used. */
  readonly validationPoints?: PointLists | undefined;
} & ConfigOfFields<(typeof DATA_EXPERIMENT_FIELDS)[0 | 1]> &
  TrainingConfig &
  EarlyStoppingConfig;

/** What a user may write: `experiment` and `points`; every other field takes its default. */
export type DataExperimentConfigInput = {
  readonly experiment: typeof DATA_EXPERIMENT;
  readonly points: PointLists;
  readonly validationPoints?: PointLists;
} & Partial<Omit<DataExperimentConfig, 'experiment' | 'points' | 'validationPoints'>>;

/** The data experiment's config schema (`runStreamedDataExperiment` drops the points from it). */
export const dataSchema = z.strictObject(
  {
    experiment: z.literal(DATA_EXPERIMENT, {
      error: problemMessage({ code: 'exactly', value: DATA_EXPERIMENT }),
    }),
    points: pointsSchema(1),
    validationPoints: pointsSchema(1).optional(),
    ...fieldShape(DATA_EXPERIMENT_FIELDS),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? problemMessage({
            code: 'unknownField',
            experiment: DATA_EXPERIMENT,
            title: 'data experiment',
          })
        : undefined,
  },
);

const EXAMPLE_X = Array.from({ length: 10 }, (_, i) => -1 + (2 * i) / 9);
const EXAMPLE_POINTS: PointLists = { x: EXAMPLE_X, y: EXAMPLE_X };

/** How many of `rows` points a validation share holds out: floor(rows * fraction). */
export function heldOutRows(rows: number, valFraction: number): number {
  return Math.floor(rows * valFraction);
}

/**
 * The check across fields: a batch no larger than the training rows (a
 * share below 1 always leaves at least one of them).
 */
function splitIssue(config: DataExperimentConfig): ConfigIssue | undefined {
  const rows = pointCount(config.points);
  const training =
    config.validationPoints === undefined ? rows - heldOutRows(rows, config.valFraction) : rows;
  if (config.batchSize > training) {
    return {
      field: 'batchSize',
      problem: { code: 'batchSizeAboveRows', rows: training },
      value: config.batchSize,
    };
  }
  return undefined;
}

/** Validation points must have the training points' input columns. */
function validationInputsIssue(config: DataExperimentConfig): ConfigIssue | undefined {
  const validation = config.validationPoints;
  if (validation === undefined) return undefined;
  const names = config.points.inputNames;
  const same =
    inputCount(validation) === inputCount(config.points) &&
    (names === undefined || validation.inputNames?.every((name, k) => name === names[k]) === true);
  if (same) return undefined;
  return {
    field: 'validationPoints',
    problem: { code: 'validationInputs', inputs: inputCount(config.points) },
    value: validation.inputNames,
  };
}

function parse(input: unknown): DataExperimentConfig {
  const config = parseWithSchema(
    dataSchema,
    input,
    '{"experiment": "data", "points": {"x": [0, 1], "y": [1, 3]}}',
  ) as unknown as DataExperimentConfig;
  // Early stopping watches the validation loss: given points or a held-out share must supply it.
  const validationRows = config.validationPoints
    ? pointCount(config.validationPoints)
    : heldOutRows(pointCount(config.points), config.valFraction);
  const issue =
    validationInputsIssue(config) ??
    splitIssue(config) ??
    earlyStoppingIssue({ ...config, valN: validationRows }, 'givenData');
  if (issue) throw new ConfigError([issue]);
  return config;
}

/**
 * The experiment over the user's own points: the notebook's MLP and training
 * on points given in the config (one or more inputs, one target: the model's
 * input width is the number of inputs), with a validation
 * set given or held out from them (`valFraction`, a seeded draw) and inputs
 * and targets standardised on the training points. It has no true function:
 * charts show the points and the model only.
 */
export const dataExperiment: GivenDataDefinition<typeof DATA_EXPERIMENT, DataExperimentConfig> = {
  kind: 'given',
  name: DATA_EXPERIMENT,
  title: 'data experiment',
  description: 'your own points (CSV or JSON): the same MLP and training on data you give',
  fields: DATA_EXPERIMENT_FIELDS,
  dataKeys: ['points', 'validationPoints'],
  exampleData: { points: EXAMPLE_POINTS },
  parse,
  // A config needs points: ten points on y = x (eight to train, two to validate) stand in.
  defaults: () => parse({ experiment: DATA_EXPERIMENT, points: EXAMPLE_POINTS }),
};
