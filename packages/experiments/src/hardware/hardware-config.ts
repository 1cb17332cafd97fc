import { checkBatchSizeList } from '../batch-size-lab/batch-size-list-check.js';
import type { ConfigOfFields } from '../config/config-field.js';
import { configSchema } from '../config/config-schema.js';
import { parseWithSchema } from '../config/parse-with-schema.js';
import { HARDWARE_FIELDS } from './hardware-fields.js';

/** The measurement's name, as `experiment` in its config and in `epochlab run batch-size-hardware`. */
export const BATCH_SIZE_HARDWARE = 'batch-size-hardware';

/** What its config belongs to, in messages. */
export const BATCH_SIZE_HARDWARE_TITLE = 'batch-size hardware measurement';

const schema = configSchema(
  BATCH_SIZE_HARDWARE,
  BATCH_SIZE_HARDWARE_TITLE,
  HARDWARE_FIELDS,
).superRefine((input, context) => {
  const config = input as unknown as HardwareConfig;
  checkBatchSizeList(config.batchSizes, config.n, context);
});

/** A complete, validated hardware-measurement config (all defaults filled in). */
export type HardwareConfig = { readonly experiment: typeof BATCH_SIZE_HARDWARE } & ConfigOfFields<
  (typeof HARDWARE_FIELDS)[number]
>;

/**
 * Validates a hardware-measurement config and fills in every default; throws
 * `ConfigError` naming each bad field (a batch size above `n`, a time not in
 * (0, 60]...).
 */
export function parseHardwareConfig(input: unknown): HardwareConfig {
  return parseWithSchema(
    schema,
    input,
    `{"experiment": "${BATCH_SIZE_HARDWARE}"}`,
  ) as unknown as HardwareConfig;
}

/** The defaults: 4096 points of the notebook's line, batch sizes 1 to 4096, 1.5 s each. */
export function defaultHardwareConfig(): HardwareConfig {
  return parseHardwareConfig({ experiment: BATCH_SIZE_HARDWARE });
}
