/**
 * A run of consecutive rows of a table, inputs and targets row-major: how an
 * iterable-style dataset hands its rows over, a block at a time, so that a
 * file never needs to be in memory as a whole.
 */
export interface RowBlock {
  readonly rows: number;
  /** `rows` x `inputSize` values. */
  readonly inputs: Float32Array;
  /** `rows` x `targetSize` values. */
  readonly targets: Float32Array;
}

/**
 * An iterable-style dataset (PyTorch's `IterableDataset`): rows in an order
 * the dataset chooses, epoch by epoch, instead of items by index. What a
 * dataset too large for memory (a file read in chunks) offers; a
 * `RowStreamLoader` makes batches of it for the training loop.
 *
 * Every epoch must give the same `length` rows; the order of epoch `e` should
 * depend only on the dataset's seed and `e`, so that runs repeat bit for bit.
 */
export interface RowStream {
  /** Rows per epoch. */
  readonly length: number;
  readonly inputSize: number;
  readonly targetSize: number;
  /** The rows of epoch `epoch` (0-based), block by block. A block is valid until the next one is asked for. */
  blocks(epoch: number): Iterable<RowBlock>;
}
