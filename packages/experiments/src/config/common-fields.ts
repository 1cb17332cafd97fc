import { ACTIVATION_NAMES, INIT_SCHEMES } from '@epochlab/models';
import { MAX_SEED } from '@epochlab/tensor/random';
import { LOSS_NAMES, OPTIMIZER_NAMES, type TrainingPathOption } from '@epochlab/train';
import { z } from 'zod';
import {
  booleanField,
  type ConfigOfFields,
  choiceField,
  configField,
  integerField,
  numberField,
} from './config-field.js';
import { problemMessage } from './config-problem.js';
import { wholeNumber } from './field-schemas.js';

/** The values of `trainingPath`: how `@epochlab/train` computes the steps. */
export const TRAINING_PATH_OPTIONS = ['auto', 'fused', 'generic'] as const satisfies readonly [
  TrainingPathOption,
  ...TrainingPathOption[],
];

/**
 * The fields every experiment shares: the noisy points, the MLP and its
 * training, in the order help texts and forms show them. An experiment's own
 * fields (the line's slope...) come before these.
 */
export const commonFields = {
  n: integerField({
    key: 'n',
    group: 'data',
    help: 'number of training points',
    min: 1,
    max: 1_000_000,
    default: 5,
  }),
  valN: integerField({
    key: 'valN',
    group: 'data',
    help: 'number of validation points (0: no validation)',
    min: 0,
    max: 1_000_000,
    default: 5,
  }),
  sigma: numberField({
    key: 'sigma',
    group: 'data',
    help: 'standard deviation of the noise added to x and y',
    rule: { code: 'numberAtLeast', min: 0 },
    default: 0.2,
  }),
  range: numberField({
    key: 'range',
    group: 'data',
    help: 'x is drawn uniformly from [-range, range]',
    rule: { code: 'numberAbove', min: 0 },
    default: 1,
  }),
  hidden: configField({
    key: 'hidden',
    kind: 'integerList',
    group: 'model',
    help: 'hidden layer sizes ("12,12,16")',
    schema: z
      .array(wholeNumber(1, 4096), {
        error: problemMessage({ code: 'layerSizeList', example: '12,12,16' }),
      })
      .min(1, { error: problemMessage({ code: 'tooFewLayers' }) })
      .max(16, { error: problemMessage({ code: 'tooManyLayers', max: 16 }) }),
    default: [12, 12, 16],
  }),
  activation: choiceField({
    key: 'activation',
    group: 'model',
    help: 'activation after each hidden layer',
    choices: ACTIVATION_NAMES,
    default: 'leakyRelu',
  }),
  init: choiceField({
    key: 'init',
    group: 'model',
    help: 'weight initialisation',
    choices: INIT_SCHEMES,
    default: 'pytorch',
  }),
  loss: choiceField({
    key: 'loss',
    group: 'training',
    help: 'loss function',
    choices: LOSS_NAMES,
    default: 'l1',
  }),
  optimizer: choiceField({
    key: 'optimizer',
    group: 'training',
    help: 'optimizer',
    choices: OPTIMIZER_NAMES,
    default: 'sgd',
  }),
  lr: numberField({
    key: 'lr',
    group: 'training',
    help: 'learning rate',
    rule: { code: 'numberAboveAtMost', min: 0, max: 10 },
    default: 1e-3,
  }),
  momentum: numberField({
    key: 'momentum',
    group: 'training',
    help: 'momentum (sgd only; 0: plain SGD)',
    rule: { code: 'numberFromBelow', min: 0, max: 1 },
    default: 0,
  }),
  batchSize: integerField({
    key: 'batchSize',
    group: 'training',
    help: 'points per mini-batch',
    min: 1,
    max: 1_000_000,
    default: 5,
  }),
  shuffle: booleanField({
    key: 'shuffle',
    group: 'training',
    help: 'shuffle the training data every epoch',
    default: true,
  }),
  epochs: integerField({
    key: 'epochs',
    group: 'training',
    help: 'passes over the training data',
    min: 1,
    max: 10_000_000,
    default: 20_000,
  }),
  valEvery: integerField({
    key: 'valEvery',
    group: 'training',
    help: 'validate on epochs 0, k, 2k, ...',
    min: 1,
    max: 10_000_000,
    default: 10,
  }),
  seed: integerField({
    key: 'seed',
    group: 'data',
    help: 'seed for data, initial weights and shuffling',
    min: 0,
    max: MAX_SEED,
    default: 0,
  }),
  trainingPath: choiceField({
    key: 'trainingPath',
    group: 'training',
    help: 'how the steps run: auto picks the fused kernel where it applies (cpu, wasm)',
    choices: TRAINING_PATH_OPTIONS,
    default: 'auto',
  }),
};

/**
 * Early stopping and the best-model checkpoint of a single-model run, with
 * Keras's `EarlyStopping` semantics (see `@epochlab/train`'s
 * `EarlyStoppingOptions`): the validation loss is monitored on validation
 * epochs, and `patience` counts epochs, not validation checks. Every run with
 * validation keeps its best validation epoch's model whatever these say.
 */
export const earlyStoppingFields = {
  earlyStopping: booleanField({
    key: 'earlyStopping',
    group: 'training',
    help: 'stop when the validation loss has not improved for patience epochs (needs val-n > 0)',
    default: false,
  }),
  patience: integerField({
    key: 'patience',
    group: 'training',
    help: 'epochs without a better validation loss before early stopping ends the run',
    min: 1,
    max: 10_000_000,
    default: 3000,
  }),
  minDelta: numberField({
    key: 'minDelta',
    group: 'training',
    help: 'a validation loss counts as better only when below the best minus this',
    rule: { code: 'numberAtLeast', min: 0 },
    default: 0,
  }),
  restoreBest: booleanField({
    key: 'restoreBest',
    group: 'training',
    help: 'when early stopping ends the run, the final model takes the best epoch weights',
    default: false,
  }),
};

/** Every common field, in help and form order. */
export const COMMON_FIELDS = Object.values(commonFields);

/** The early-stopping fields, in help and form order; single-model experiments only. */
export const EARLY_STOPPING_FIELDS = Object.values(earlyStoppingFields);

/** The values of the common fields in a validated config. */
export type CommonConfig = ConfigOfFields<(typeof COMMON_FIELDS)[number]>;

/** The values of the early-stopping fields in a validated config. */
export type EarlyStoppingConfig = ConfigOfFields<(typeof EARLY_STOPPING_FIELDS)[number]>;
