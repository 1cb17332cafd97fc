import {
  type BatchSizeLabConfig,
  batchSizeLabel,
  resolveBatchSize,
} from './batch-size-lab-config.js';
import type { BatchSizeGroupInfo } from './batch-size-lab-result.js';

/**
 * The batch sizes a config trains, in its order, as the lab's `start` event
 * names them: option, points per batch, label and steps per epoch.
 *
 * @example
 * batchSizeGroupInfos(defaultBatchSizeLabConfig()).map((group) => group.stepsPerEpoch); // [100, 20, 4, 1]
 */
export function batchSizeGroupInfos(config: BatchSizeLabConfig): BatchSizeGroupInfo[] {
  return config.batchSizes.map((option) => {
    const batchSize = resolveBatchSize(option, config.n);
    return {
      option,
      batchSize,
      label: batchSizeLabel(option, config.n),
      stepsPerEpoch: Math.ceil(config.n / batchSize),
    };
  });
}

/** Gradient steps taken once epoch `epoch` (0-based) has ended: `(epoch + 1) * stepsPerEpoch`. */
export function stepsAfterEpoch(epoch: number, stepsPerEpoch: number): number {
  return (epoch + 1) * stepsPerEpoch;
}
