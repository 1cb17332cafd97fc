import {
  BATCH_SIZE_HARDWARE,
  BATCH_SIZE_HARDWARE_TITLE,
  defaultHardwareConfig,
  type HardwareConfig,
  parseHardwareConfig,
} from '../hardware/hardware-config.js';
import { HARDWARE_FIELDS } from '../hardware/hardware-fields.js';
import type { LabDefinition } from './experiment-definition.js';

/**
 * The batch-size hardware measurement as an entry of the experiment list, of
 * kind `lab`: its own runner (`runBatchSizeHardware`), the list's config machinery.
 */
export const batchSizeHardwareExperiment: LabDefinition<
  typeof BATCH_SIZE_HARDWARE,
  HardwareConfig
> = {
  kind: 'lab',
  name: BATCH_SIZE_HARDWARE,
  title: BATCH_SIZE_HARDWARE_TITLE,
  description:
    "samples per second and time to a target loss against batch size, on every backend here, for the notebook's MLP and a wider one",
  fields: HARDWARE_FIELDS,
  parse: parseHardwareConfig,
  defaults: defaultHardwareConfig,
};
