import { z } from 'zod';
import { ConfigError } from '../config/config-error.js';
import { lineConfigSchema, polynomialConfigSchema } from '../config/experiment-config.js';
import { finiteNumber, MAX_SEED, wholeNumber } from '../config/field-schemas.js';
import { finiteDataIssue } from '../config/finite-data-check.js';
import { parseWithSchema } from '../config/parse-with-schema.js';

/** The lab's name, as `experiment` in its config and in `epochlab run batch-size`. */
export const BATCH_SIZE_LAB = 'batch-size';

/** The datasets the lab trains on: the line and polynomial experiments' data. */
export const LAB_DATASETS = ['line', 'polynomial'] as const;

/** A lab dataset name. */
export type LabDataset = (typeof LAB_DATASETS)[number];

/** A batch size as the config gives it: a whole number of points, or `'full'` (all `n` points). */
export type BatchSizeOption = number | 'full';

const MAX_BATCH_SIZES = 8;
const MAX_SEEDS = 64;

const BATCH_SIZE_ALLOWED = 'a whole number >= 1 or full';

const batchSizeOption = z.union(
  [
    z
      .number()
      .int({ error: `must be ${BATCH_SIZE_ALLOWED}` })
      .min(1, { error: `must be ${BATCH_SIZE_ALLOWED}` })
      .max(1_000_000, { error: 'must be at most 1000000 or full' }),
    z.literal('full'),
  ],
  { error: `must be ${BATCH_SIZE_ALLOWED}` },
);

// The experiments' own field schemas (same messages); defaults the lab changes are wrapped again.
const line = lineConfigSchema.shape;
const polynomial = polynomialConfigSchema.shape;

/**
 * The batch-size lab: one dataset and model, trained with each batch size of
 * `batchSizes`, `seeds` times each (seeds `seed`, `seed + 1`, ...), with the
 * gradient noise measured every `noiseEvery` epochs, plus the settings of the
 * two-parameter line view (`pathStart`, `pathLr`, `pathSteps`).
 */
export const batchSizeLabConfigSchema = z
  .strictObject(
    {
      experiment: z.literal(BATCH_SIZE_LAB),
      dataset: z
        .enum(LAB_DATASETS, { error: `must be one of ${LAB_DATASETS.join(', ')}` })
        .default('line'),
      slope: line.slope,
      intercept: line.intercept,
      coefficients: polynomial.coefficients,
      seed: line.seed,
      n: line.n.default(100),
      valN: line.valN.default(50),
      sigma: line.sigma,
      range: line.range,
      hidden: line.hidden,
      activation: line.activation,
      init: line.init,
      loss: line.loss,
      optimizer: line.optimizer,
      lr: line.lr.default(0.02),
      momentum: line.momentum,
      shuffle: line.shuffle,
      epochs: line.epochs.default(150),
      valEvery: line.valEvery,
      batchSizes: z
        .array(batchSizeOption, {
          error: 'must be a list of batch sizes, such as 1,5,25,full',
        })
        .min(1, { error: 'must list at least one batch size, such as 1,5,25,full' })
        .max(MAX_BATCH_SIZES, { error: `must list at most ${MAX_BATCH_SIZES} batch sizes` })
        .default([1, 5, 25, 'full']),
      seeds: wholeNumber(1, MAX_SEEDS).default(8),
      noiseEvery: wholeNumber(1, 10_000_000).default(10),
      pathStart: z
        .tuple([finiteNumber('two finite numbers m,b'), finiteNumber('two finite numbers m,b')], {
          error: 'must be two finite numbers m,b such as -1,-1.5',
        })
        .default([-1, -1.5]),
      pathLr: finiteNumber('a number > 0 and <= 10')
        .refine((v) => v > 0 && v <= 10, { error: 'must be a number > 0 and <= 10' })
        .default(0.05),
      pathSteps: wholeNumber(1, 10_000).default(200),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? 'is not a field of the batch-size lab' : undefined,
    },
  )
  .superRefine((config, context) => {
    const seen = new Map<number, number>();
    config.batchSizes.forEach((option, index) => {
      if (option !== 'full' && option > config.n) {
        context.addIssue({
          code: 'custom',
          path: ['batchSizes', index],
          message: `must be at most n (${config.n}) or full`,
          input: option,
        });
        return;
      }
      const size = resolveBatchSize(option, config.n);
      const earlier = seen.get(size);
      if (earlier !== undefined) {
        context.addIssue({
          code: 'custom',
          path: ['batchSizes', index],
          message: `must not repeat a batch size: batchSizes[${earlier}] is ${size} too (n is ${config.n})`,
          input: option,
        });
      }
      seen.set(size, index);
    });
    if (config.seed + config.seeds - 1 > MAX_SEED) {
      context.addIssue({
        code: 'custom',
        path: ['seeds'],
        message: `must keep seed + seeds - 1 at most ${MAX_SEED}`,
        input: config.seeds,
      });
    }
  });

/** A complete, validated batch-size lab config (all defaults filled in). */
export type BatchSizeLabConfig = z.output<typeof batchSizeLabConfigSchema>;

/** What a user may write: any field but `experiment` may be left out and takes its default. */
export type BatchSizeLabConfigInput = z.input<typeof batchSizeLabConfigSchema>;

/**
 * Validates a batch-size lab config and fills in every default. Throws
 * `ConfigError` naming each bad field and what it allows: a batch size larger
 * than `n` (`batchSizes[2] must be at most n (100) or full`), two sizes that
 * are the same once `'full'` is `n`, a `seeds` count outside 1..64.
 *
 * @example
 * parseBatchSizeLabConfig({ experiment: 'batch-size', batchSizes: [1, 10, 'full'] });
 */
export function parseBatchSizeLabConfig(input: unknown): BatchSizeLabConfig {
  const config = parseWithSchema(batchSizeLabConfigSchema, input, {
    experiment: `must be ${BATCH_SIZE_LAB}`,
    example: `{"experiment": "${BATCH_SIZE_LAB}"}`,
  });
  const { sigma, range } = config;
  const dataIssue = finiteDataIssue(
    config.dataset === 'line'
      ? { experiment: 'line', sigma, range, slope: config.slope, intercept: config.intercept }
      : { experiment: 'polynomial', sigma, range, coefficients: config.coefficients },
  );
  if (dataIssue) throw new ConfigError([dataIssue]);
  return config;
}

/** The lab's defaults: batch sizes 1, 5, 25 and full on 100 points of the notebook's line, 8 seeds each. */
export function defaultBatchSizeLabConfig(): BatchSizeLabConfig {
  return parseBatchSizeLabConfig({ experiment: BATCH_SIZE_LAB });
}

/** The number of points per batch: `'full'` is `n`, a number is itself. */
export function resolveBatchSize(size: BatchSizeOption, n: number): number {
  return size === 'full' ? n : size;
}

/** How charts and tables name a batch size: `'5'`, `'full (100)'`. */
export function batchSizeLabel(size: BatchSizeOption, n: number): string {
  return size === 'full' ? `full (${n})` : String(size);
}
