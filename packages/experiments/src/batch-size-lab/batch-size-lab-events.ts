import type { BackendChoice } from '@epochlab/tensor';
import type { BatchSizeLabConfig } from './batch-size-lab-config.js';
import type {
  BatchSizeGroup,
  BatchSizeGroupInfo,
  BatchSizeLabResult,
  LabData,
} from './batch-size-lab-result.js';

/**
 * Progress of `runBatchSizeLab`, in the order sent: `start`, then per batch
 * size `progress`... and `group-end`, then `end`.
 */
export type BatchSizeLabEvent =
  | {
      readonly type: 'start';
      readonly config: BatchSizeLabConfig;
      readonly backend: BackendChoice;
      readonly data: LabData;
      readonly groups: readonly BatchSizeGroupInfo[];
    }
  | {
      /** Throttled (`progressIntervalMs`); sent on gradient-noise epochs only. */
      readonly type: 'progress';
      /** Index of the batch size training, in `groups`. */
      readonly group: number;
      /** The epoch that ended, 0-based. */
      readonly epoch: number;
      readonly epochs: number;
      /** Seconds since the lab started. */
      readonly elapsedSeconds: number;
    }
  | { readonly type: 'group-end'; readonly group: number; readonly result: BatchSizeGroup }
  | { readonly type: 'end'; readonly result: BatchSizeLabResult };
