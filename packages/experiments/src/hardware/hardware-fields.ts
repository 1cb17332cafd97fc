import { BATCH_SIZE_LAB_FIELDS } from '../batch-size-lab/batch-size-lab-fields.js';
import { commonFields } from '../config/common-fields.js';
import { type ConfigField, numberField, withChanges } from '../config/config-field.js';

const batchSizesField = BATCH_SIZE_LAB_FIELDS.find(
  (field) => field.key === 'batchSizes',
) as Extract<(typeof BATCH_SIZE_LAB_FIELDS)[number], { key: 'batchSizes' }>;

/**
 * Every field of the batch-size hardware measurement but `experiment`: the
 * line's points (more of them, so that a batch of 4096 fits), the batch sizes,
 * the training's learning rate and seed, the wide model's layers, the time
 * per measurement and the target loss.
 */
export const HARDWARE_FIELDS = [
  withChanges(commonFields.n, { default: 4096 }),
  withChanges(batchSizesField, {
    default: [1, 4, 16, 64, 256, 1024, 4096],
    help: 'batch sizes to time, "full" for all n points ("1,4,16,64,256,1024,4096")',
  }),
  withChanges(commonFields.hidden, {
    default: [256, 256],
    help: 'the wide model\'s hidden layers, timed next to the notebook\'s 12,12,16 ("256,256")',
  }),
  withChanges(commonFields.lr, { default: 0.02 }),
  withChanges(commonFields.seed, {}),
  commonFields.trainingPath,
  numberField({
    key: 'seconds',
    group: 'lab',
    help: 'training time per measurement, in seconds (it ends at the first epoch end past it), > 0 and <= 60',
    rule: { code: 'numberAboveAtMost', min: 0, max: 60 },
    default: 1.5,
  }),
  numberField({
    key: 'targetLoss',
    group: 'lab',
    help: 'the training loss (L1, mean of an epoch) whose first epoch gives the time to target',
    rule: { code: 'numberAbove', min: 0 },
    default: 0.3,
  }),
] as const satisfies readonly ConfigField[];
