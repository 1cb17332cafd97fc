import {
  BATCH_SIZE_LAB,
  BATCH_SIZE_LAB_TITLE,
  type BatchSizeLabConfig,
  defaultBatchSizeLabConfig,
  parseBatchSizeLabConfig,
} from '../batch-size-lab/batch-size-lab-config.js';
import { BATCH_SIZE_LAB_FIELDS } from '../batch-size-lab/batch-size-lab-fields.js';
import type { LabDefinition } from './experiment-definition.js';

/**
 * The batch-size lab as an entry of the experiment list, of its own kind
 * (`lab`): it trains many models per batch size and has its own runner
 * (`runBatchSizeLab`), result and page, so it shares the list's config
 * machinery (flags, `epochlab list`, URLs, forms) but not `runExperiment`.
 */
export const batchSizeLabExperiment: LabDefinition<typeof BATCH_SIZE_LAB, BatchSizeLabConfig> = {
  kind: 'lab',
  name: BATCH_SIZE_LAB,
  title: BATCH_SIZE_LAB_TITLE,
  description:
    "the batch-size lab: one dataset trained with several batch sizes and seeds, gradient noise and the loss surface of a line (the notebook's closing lesson)",
  fields: BATCH_SIZE_LAB_FIELDS,
  parse: parseBatchSizeLabConfig,
  defaults: defaultBatchSizeLabConfig,
};
