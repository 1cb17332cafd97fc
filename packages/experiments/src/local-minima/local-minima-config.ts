import { MAX_SEED } from '@epochlab/tensor/random';
import { checkBatchSizeList } from '../batch-size-lab/batch-size-list-check.js';
import type { ConfigOfFields } from '../config/config-field.js';
import { problemMessage } from '../config/config-problem.js';
import { configSchema } from '../config/config-schema.js';
import { parseWithSchema } from '../config/parse-with-schema.js';
import { LOCAL_MINIMA_FIELDS } from './local-minima-fields.js';

/** The study's name, as `experiment` in its config and in `epochlab run local-minima`. */
export const LOCAL_MINIMA = 'local-minima';

/** What its config belongs to, in messages: `is not a field of the local-minima study`. */
export const LOCAL_MINIMA_TITLE = 'local-minima study';

const schema = configSchema(LOCAL_MINIMA, LOCAL_MINIMA_TITLE, LOCAL_MINIMA_FIELDS).superRefine(
  (input, context) => {
    const config = input as unknown as LocalMinimaConfig;
    checkBatchSizeList(config.batchSizes, config.n, context);
    if (config.pathBatchSize > config.n) {
      context.addIssue({
        code: 'custom',
        path: ['pathBatchSize'],
        message: problemMessage({ code: 'wholeNumber', min: 1, max: config.n }),
        input: config.pathBatchSize,
      });
    }
    if (config.seed + Math.max(config.seeds, config.pathCount) - 1 > MAX_SEED) {
      context.addIssue({
        code: 'custom',
        path: ['seeds'],
        message: problemMessage({ code: 'seedsPastMaxSeed', max: MAX_SEED }),
        input: config.seeds,
      });
    }
  },
);

/** A complete, validated local-minima config (all defaults filled in). */
export type LocalMinimaConfig = { readonly experiment: typeof LOCAL_MINIMA } & ConfigOfFields<
  (typeof LOCAL_MINIMA_FIELDS)[number]
>;

/**
 * Validates a local-minima config and fills in every default. Throws
 * `ConfigError` naming each bad field and what it allows: a batch size above
 * `n` or repeated, a learning rate outside (0, 10], a start that is not two
 * finite numbers, a path batch size above `n`.
 *
 * @example
 * parseLocalMinimaConfig({ experiment: 'local-minima', lrs: [0.1, 0.3], seeds: 100 });
 */
export function parseLocalMinimaConfig(input: unknown): LocalMinimaConfig {
  return parseWithSchema(
    schema,
    input,
    `{"experiment": "${LOCAL_MINIMA}"}`,
  ) as unknown as LocalMinimaConfig;
}

/** The study's defaults: 32 points of y = sin(3x), start (6, -0.2), 6 batch sizes x 6 learning rates, 200 runs each. */
export function defaultLocalMinimaConfig(): LocalMinimaConfig {
  return parseLocalMinimaConfig({ experiment: LOCAL_MINIMA });
}
