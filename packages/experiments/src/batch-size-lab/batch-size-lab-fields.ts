import { z } from 'zod';
import { COMMON_FIELDS } from '../config/common-fields.js';
import {
  type ConfigField,
  choiceField,
  configField,
  integerField,
  numberField,
  withChanges,
} from '../config/config-field.js';
import { problemMessage } from '../config/config-problem.js';
import { finiteNumber } from '../config/field-schemas.js';
import { lineExperiment } from '../experiments/line-experiment.js';
import { polynomialExperiment } from '../experiments/polynomial-experiment.js';

/** The experiments whose data the lab can train on. */
const DATASET_EXPERIMENTS = [lineExperiment, polynomialExperiment] as const;

/** The datasets the lab trains on: the line and polynomial experiments' data. */
export const LAB_DATASETS = ['line', 'polynomial'] as const satisfies readonly [
  (typeof DATASET_EXPERIMENTS)[number]['name'],
  ...(typeof DATASET_EXPERIMENTS)[number]['name'][],
];

/** A lab dataset name. */
export type LabDataset = (typeof LAB_DATASETS)[number];

/** The experiment whose data the lab trains on for `dataset`. */
export function labDatasetExperiment(dataset: LabDataset): (typeof DATASET_EXPERIMENTS)[number] {
  const experiment = DATASET_EXPERIMENTS.find((candidate) => candidate.name === dataset);
  if (experiment === undefined) throw new Error(`no lab dataset ${dataset}`);
  return experiment;
}

/** A batch size as the config gives it: a whole number of points, or `'full'` (all `n` points). */
export type BatchSizeOption = number | 'full';

const MAX_BATCH_SIZES = 8;
/** Most runs per batch size. */
const MAX_SEEDS = 64;

const batchSizeProblem = problemMessage({ code: 'batchSize' });
const batchSizeOption = z.union(
  [
    z
      .number()
      .int({ error: batchSizeProblem })
      .min(1, { error: batchSizeProblem })
      .max(1_000_000, { error: problemMessage({ code: 'batchSizeAtMost', max: 1_000_000 }) }),
    z.literal('full'),
  ],
  { error: batchSizeProblem },
);

/** `help (dataset line)`, or `help; dataset line)` when the help ends in parentheses. */
function datasetHelp(help: string, dataset: string): string {
  return help.endsWith(')')
    ? `${help.slice(0, -1)}; dataset ${dataset})`
    : `${help} (dataset ${dataset})`;
}

/** The fields of the lab's datasets, each told which dataset it belongs to. */
const datasetFields = DATASET_EXPERIMENTS.flatMap((experiment) =>
  experiment.ownFields.map((field) =>
    withChanges(field, { help: datasetHelp(field.help, experiment.name) }),
  ),
);

/** The config key of each dataset's own fields -> its dataset (`slope` -> `line`). */
export const LAB_DATASET_OF_FIELD: Readonly<Record<string, LabDataset>> = Object.fromEntries(
  DATASET_EXPERIMENTS.flatMap((experiment) =>
    experiment.ownFields.map((field) => [field.key, experiment.name]),
  ),
);

/** The lab's changes to the common fields: more data, a larger lr, fewer epochs. */
const LAB_CHANGES: Readonly<Record<string, { default?: unknown; help?: string }>> = {
  n: { default: 100 },
  valN: { default: 50 },
  lr: { default: 0.02, help: 'learning rate, the same for every batch size' },
  epochs: { default: 150 },
  seed: {
    help: 'seed of the data; run k of each batch size uses seed + k for weights and shuffling',
  },
};

type CommonField = (typeof COMMON_FIELDS)[number];

/** The common fields but `batchSize` (the lab takes a list, `batchSizes`), with the lab's changes. */
const commonLabFields = COMMON_FIELDS.filter((field) => field.key !== 'batchSize').map((field) =>
  withChanges(field as ConfigField, LAB_CHANGES[field.key] ?? {}),
) as Exclude<CommonField, { key: 'batchSize' }>[];

/** The lab's own fields: what it compares and the line view's paths. */
const labOwnFields = [
  configField({
    key: 'batchSizes',
    kind: 'batchSizeList',
    group: 'lab',
    help: 'batch sizes to compare, "full" for all n points ("1,5,25,full")',
    schema: z
      .array(batchSizeOption, {
        error: problemMessage({ code: 'batchSizeList', example: '1,5,25,full' }),
      })
      .min(1, { error: problemMessage({ code: 'tooFewBatchSizes', example: '1,5,25,full' }) })
      .max(MAX_BATCH_SIZES, {
        error: problemMessage({ code: 'tooManyBatchSizes', max: MAX_BATCH_SIZES }),
      }),
    default: [1, 5, 25, 'full'] as BatchSizeOption[],
  }),
  integerField({
    key: 'seeds',
    group: 'lab',
    help: `runs per batch size (seeds seed, seed+1, ...), from 1 to ${MAX_SEEDS}`,
    min: 1,
    max: MAX_SEEDS,
    default: 8,
  }),
  integerField({
    key: 'noiseEvery',
    group: 'lab',
    help: 'measure the gradient noise on epochs 0, k, 2k, ... and the last',
    min: 1,
    max: 10_000_000,
    default: 10,
  }),
  configField({
    key: 'pathStart',
    kind: 'numberList',
    group: 'path',
    help: 'line view: the start point m,b of the descent paths ("-1,-1.5")',
    schema: z.tuple(
      [finiteNumber({ code: 'pointPairItem' }), finiteNumber({ code: 'pointPairItem' })],
      { error: problemMessage({ code: 'pointPair', example: '-1,-1.5' }) },
    ),
    default: [-1, -1.5] as [number, number],
  }),
  numberField({
    key: 'pathLr',
    group: 'path',
    help: 'line view: learning rate of the descent paths',
    rule: { code: 'numberAboveAtMost', min: 0, max: 10 },
    default: 0.05,
  }),
  integerField({
    key: 'pathSteps',
    group: 'path',
    help: 'line view: gradient steps per path',
    min: 1,
    max: 10_000,
    default: 200,
  }),
];

/** `dataset`: which experiment's points the lab trains on. */
const datasetField = choiceField({
  key: 'dataset',
  group: 'data',
  help: 'the data: points around a line or a polynomial',
  choices: LAB_DATASETS,
  default: 'line',
});

/**
 * Every field of the batch-size lab config but `experiment`, in the order
 * help texts and forms show them: the dataset, its experiment's own fields
 * (each marked with its dataset), the common fields but `batchSize` (the lab
 * takes `batchSizes`), then the lab's own.
 */
export const BATCH_SIZE_LAB_FIELDS = [
  datasetField,
  ...datasetFields,
  ...commonLabFields,
  ...labOwnFields,
];
