import { z } from 'zod';
import { BATCH_SIZE_LAB_FIELDS } from '../batch-size-lab/batch-size-lab-fields.js';
import { commonFields } from '../config/common-fields.js';
import {
  type ConfigField,
  configField,
  integerField,
  numberField,
  withChanges,
} from '../config/config-field.js';
import { problemMessage } from '../config/config-problem.js';
import { finiteNumber, ruledNumber } from '../config/field-schemas.js';

/** Most learning rates in one study. */
const MAX_LEARNING_RATES = 8;
/** Most runs per cell of the grid. */
export const MAX_LOCAL_MINIMA_SEEDS = 1000;

const batchSizesField = BATCH_SIZE_LAB_FIELDS.find(
  (field) => field.key === 'batchSizes',
) as Extract<(typeof BATCH_SIZE_LAB_FIELDS)[number], { key: 'batchSizes' }>;

const learningRate = ruledNumber({ code: 'numberAboveAtMost', min: 0, max: 10 });
const learningRateList = problemMessage({ code: 'learningRateList', example: '0.1,0.3' });
const weightPair = problemMessage({ code: 'weightPair', example: '6,-0.2' });

/**
 * Every field of the local-minima study but `experiment`, in help and form
 * order: the sine's points (the common data fields with smaller defaults), the
 * start, the grid of batch sizes x learning rates and its runs, and the
 * paths drawn on the surface.
 */
export const LOCAL_MINIMA_FIELDS = [
  integerField({
    key: 'n',
    group: 'data',
    help: 'number of points of y = sin(3x), from 1 to 256',
    min: 1,
    max: 256,
    default: 32,
  }),
  numberField({
    key: 'sigma',
    group: 'data',
    help: 'standard deviation of the noise added to x and y, from 0 to 10',
    rule: { code: 'numberFromBelow', min: 0, max: 10 },
    default: 0.1,
  }),
  numberField({
    key: 'range',
    group: 'data',
    help: 'x is drawn uniformly from [-range, range], up to 10',
    rule: { code: 'numberAboveAtMost', min: 0, max: 10 },
    default: 2,
  }),
  withChanges(commonFields.seed, {
    default: 1,
    help: 'seed of the data; run k of each cell shuffles with seed + k',
  }),
  configField({
    key: 'start',
    kind: 'numberList',
    group: 'path',
    help: 'where every run starts: frequency w and amplitude a of y = a sin(w x) ("6,-0.2")',
    schema: z.tuple(
      [
        finiteNumber({ code: 'weightPair', example: '6,-0.2' }),
        finiteNumber({ code: 'weightPair', example: '6,-0.2' }),
      ],
      {
        error: weightPair,
      },
    ),
    default: [6, -0.2] as [number, number],
  }),
  withChanges(batchSizesField, {
    default: [1, 2, 4, 8, 16, 'full'],
    help: 'batch sizes of the grid, "full" for all n points ("1,2,4,8,16,full")',
  }),
  configField({
    key: 'lrs',
    kind: 'numberList',
    group: 'lab',
    help: 'learning rates of the grid, each > 0 and <= 10 ("0.05,0.1,0.2,0.3,0.5,0.8")',
    schema: z
      .array(learningRate, { error: learningRateList })
      .min(1, { error: learningRateList })
      .max(MAX_LEARNING_RATES, {
        error: problemMessage({ code: 'tooManyLearningRates', max: MAX_LEARNING_RATES }),
      }),
    default: [0.05, 0.1, 0.2, 0.3, 0.5, 0.8],
  }),
  integerField({
    key: 'epochs',
    group: 'training',
    help: 'passes over the points per run (n / batch size steps each)',
    min: 1,
    max: 2_000,
    default: 100,
  }),
  integerField({
    key: 'seeds',
    group: 'lab',
    help: `runs per batch size and learning rate (seeds seed, seed+1, ...), from 1 to ${MAX_LOCAL_MINIMA_SEEDS}`,
    min: 1,
    max: MAX_LOCAL_MINIMA_SEEDS,
    default: 200,
  }),
  numberField({
    key: 'pathLr',
    group: 'path',
    help: 'learning rate of the paths drawn on the surface (full batch and SGD)',
    rule: { code: 'numberAboveAtMost', min: 0, max: 10 },
    default: 0.3,
  }),
  integerField({
    key: 'pathBatchSize',
    group: 'path',
    help: 'batch size of the SGD paths drawn on the surface',
    min: 1,
    max: 256,
    default: 1,
  }),
  integerField({
    key: 'pathCount',
    group: 'path',
    help: 'SGD paths drawn on the surface (seeds seed, seed+1, ...)',
    min: 0,
    max: 50,
    default: 4,
  }),
] as const satisfies readonly ConfigField[];
