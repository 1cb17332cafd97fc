import type { Tensor } from '@epochlab/tensor';

/** One batch: inputs `[batch, inputs]` and targets `[batch, outputs]`. */
export type Batch = readonly [inputs: Tensor, targets: Tensor];

/**
 * Where the loop gets its batches: `@epochlab/data`'s `DataLoader`, or any
 * object with this method.
 *
 * Batches are borrowed: the source disposes a batch's tensors when its
 * iterator advances or finishes. The loop neither disposes nor keeps them.
 */
export interface BatchSource {
  /**
   * The batches of epoch `epoch` (0-based). The loop passes the epoch index, so
   * a shuffling source can make each epoch's order depend only on its seed and
   * the epoch, and a run can be repeated bit for bit.
   */
  batches(epoch: number): Iterable<Batch>;
}
