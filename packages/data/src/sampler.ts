/**
 * The order in which a `DataLoader` visits dataset indices, epoch by epoch
 * (PyTorch's `Sampler`). An epoch's order must depend only on the sampler's
 * own settings and `epoch`, so any epoch can be replayed on its own.
 */
export interface Sampler {
  /** How many indices every epoch's order holds. */
  readonly length: number;
  /**
   * The dataset indices for epoch `epoch` (0, 1, 2, ...), in the order they are
   * batched; `length` of them, repeats allowed. Callers must not modify it.
   */
  order(epoch: number): Int32Array;
}
