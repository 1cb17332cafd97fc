import { z } from 'zod';
import { finiteNumber, MAX_SEED, wholeNumber } from './field-schemas.js';

/** Names of the activations an MLP can use between layers. */
export const ACTIVATIONS = ['leakyRelu', 'relu', 'tanh', 'sigmoid', 'linear'] as const;
/** Names of the losses. */
export const LOSSES = ['l1', 'mse', 'huber'] as const;
/** Names of the optimizers. */
export const OPTIMIZERS = ['sgd', 'adam', 'rmsprop'] as const;
/** Names of the weight initialisations. */
export const INITS = ['pytorch', 'glorot'] as const;
/** Names of the experiments. */
export const EXPERIMENTS = ['line', 'polynomial'] as const;

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

/** Fields every experiment has: the model, the training and the shared data settings. */
const commonFields = {
  seed: wholeNumber(0, MAX_SEED).default(0),
  n: wholeNumber(1, 1_000_000).default(5),
  valN: wholeNumber(0, 1_000_000).default(5),
  sigma: finiteNumber('a number >= 0')
    .refine((v) => v >= 0, { error: 'must be a number >= 0' })
    .default(0.2),
  range: finiteNumber('a number > 0')
    .refine((v) => v > 0, { error: 'must be a number > 0' })
    .default(1),
  hidden: z
    .array(wholeNumber(1, 4096), { error: 'must be a list of layer sizes, such as 12,12,16' })
    .min(1, { error: 'must list at least one hidden layer size' })
    .max(16, { error: 'must list at most 16 hidden layer sizes' })
    .default([12, 12, 16]),
  activation: oneOf(ACTIVATIONS).default('leakyRelu'),
  init: oneOf(INITS).default('pytorch'),
  loss: oneOf(LOSSES).default('l1'),
  optimizer: oneOf(OPTIMIZERS).default('sgd'),
  lr: finiteNumber('a number > 0 and <= 10')
    .refine((v) => v > 0 && v <= 10, { error: 'must be a number > 0 and <= 10' })
    .default(1e-3),
  momentum: finiteNumber('a number from 0 up to (not including) 1')
    .refine((v) => v >= 0 && v < 1, { error: 'must be a number from 0 up to (not including) 1' })
    .default(0),
  batchSize: wholeNumber(1, 1_000_000).default(5),
  shuffle: z.boolean({ error: 'must be true or false' }).default(true),
  epochs: wholeNumber(1, 10_000_000).default(20_000),
  valEvery: wholeNumber(1, 10_000_000).default(10),
};

/** The notebook's line experiment: y = slope * x + intercept. */
export const lineConfigSchema = z.strictObject(
  {
    experiment: z.literal('line'),
    slope: finiteNumber('a finite number').default(1),
    intercept: finiteNumber('a finite number').default(0),
    ...commonFields,
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? 'is not a field of the line experiment' : undefined,
  },
);

/** The notebook's polynomial experiment; coefficients highest degree first ([2, 1, 0] is 2x^2 + x). */
export const polynomialConfigSchema = z.strictObject(
  {
    experiment: z.literal('polynomial'),
    coefficients: z
      .array(finiteNumber('a list of finite numbers, highest degree first, such as 2,1,0'), {
        error: 'must be a list of finite numbers, highest degree first, such as 2,1,0',
      })
      .min(1, { error: 'must hold at least one coefficient, such as 2,1,0' })
      .max(11, { error: 'must hold at most 11 coefficients (degree 10)' })
      .default([2, 1, 0]),
    ...commonFields,
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? 'is not a field of the polynomial experiment'
        : undefined,
  },
);

/** Every experiment config: validated by this one schema in the CLI, config files, the web form and URLs. */
export const experimentConfigSchema = z.discriminatedUnion('experiment', [
  lineConfigSchema,
  polynomialConfigSchema,
]);

/** A complete, validated line experiment config. */
export type LineConfig = z.output<typeof lineConfigSchema>;
/** A complete, validated polynomial experiment config. */
export type PolynomialConfig = z.output<typeof polynomialConfigSchema>;
/** A complete, validated experiment config (all defaults filled in). */
export type ExperimentConfig = z.output<typeof experimentConfigSchema>;
/** What a user may write: any field may be left out and takes its default. */
export type ExperimentConfigInput = z.input<typeof experimentConfigSchema>;
/** The name of an experiment. */
export type ExperimentName = (typeof EXPERIMENTS)[number];
