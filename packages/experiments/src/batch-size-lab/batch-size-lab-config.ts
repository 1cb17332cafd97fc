import { MAX_SEED } from '@epochlab/tensor/random';
import { ConfigError } from '../config/config-error.js';
import type { ConfigOfFields } from '../config/config-field.js';
import { problemMessage } from '../config/config-problem.js';
import { configSchema } from '../config/config-schema.js';
import { parseWithSchema } from '../config/parse-with-schema.js';
import {
  BATCH_SIZE_LAB_FIELDS,
  type BatchSizeOption,
  labDatasetExperiment,
} from './batch-size-lab-fields.js';
import { checkBatchSizeList } from './batch-size-list-check.js';

export type { BatchSizeOption };

/** The lab's name, as `experiment` in its config and in `epochlab run batch-size`. */
export const BATCH_SIZE_LAB = 'batch-size';

/** What its config belongs to, in messages: `is not a field of the batch-size lab`. */
export const BATCH_SIZE_LAB_TITLE = 'batch-size lab';

/**
 * The batch-size lab: one dataset and model, trained with each batch size of
 * `batchSizes`, `seeds` times each (seeds `seed`, `seed + 1`, ...), with the
 * gradient noise measured every `noiseEvery` epochs, plus the settings of the
 * two-parameter line view (`pathStart`, `pathLr`, `pathSteps`).
 */
const batchSizeLabConfigSchema = configSchema(
  BATCH_SIZE_LAB,
  BATCH_SIZE_LAB_TITLE,
  BATCH_SIZE_LAB_FIELDS,
).superRefine((input, context) => {
  const config = input as unknown as BatchSizeLabConfig;
  checkBatchSizeList(config.batchSizes, config.n, context);
  if (config.seed + config.seeds - 1 > MAX_SEED) {
    context.addIssue({
      code: 'custom',
      path: ['seeds'],
      message: problemMessage({ code: 'seedsPastMaxSeed', max: MAX_SEED }),
      input: config.seeds,
    });
  }
});

/** A complete, validated batch-size lab config (all defaults filled in). */
export type BatchSizeLabConfig = { readonly experiment: typeof BATCH_SIZE_LAB } & ConfigOfFields<
  (typeof BATCH_SIZE_LAB_FIELDS)[number]
>;

/** What a user may write: any field but `experiment` may be left out and takes its default. */
export type BatchSizeLabConfigInput = { readonly experiment: typeof BATCH_SIZE_LAB } & Partial<
  Omit<BatchSizeLabConfig, 'experiment'>
>;

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
  const config = parseWithSchema(
    batchSizeLabConfigSchema,
    input,
    `{"experiment": "${BATCH_SIZE_LAB}"}`,
  ) as unknown as BatchSizeLabConfig;
  const dataIssue = labDatasetExperiment(config.dataset).dataIssue(config);
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
