/**
 * A map-style dataset, like PyTorch's `torch.utils.data.Dataset`: a length and
 * item access by index. Writing one takes a few lines:
 *
 * @example
 * class XYDataset implements Dataset<[number[], number[]]> {
 *   constructor(readonly x: number[], readonly y: number[]) {}
 *   get length() { return this.x.length; }
 *   get(index: number): [number[], number[]] {
 *     return [[this.x[index] ?? Number.NaN], [this.y[index] ?? Number.NaN]];
 *   }
 * }
 *
 * Ownership: tensors that `get` creates belong to the caller. The `DataLoader`
 * calls `get` inside `tf.tidy`, so new tensors are freed once the batch is
 * built, while tensors the dataset created earlier and keeps are left alone.
 */
export interface Dataset<Item> {
  /** How many items there are; valid indices are 0 to length - 1. */
  readonly length: number;
  /** The item at `index`. */
  get(index: number): Item;
}

/**
 * Optional whole-batch access. A dataset that has it is read by `DataLoader`
 * one batch at a time (`getBatch(indices)`), never item by item.
 *
 * Ownership: the returned batch must consist of new tensors; the loader
 * disposes them when it moves to the next batch.
 */
export interface BatchAccess<Batch> {
  /**
   * The items at `indices` (in that order, repeats allowed) as one batch.
   * `indices` may be a view of the loader's order: read it, never modify or keep it.
   */
  getBatch(indices: Int32Array): Batch;
}

/** Whether `dataset` has whole-batch access (a `getBatch` method). */
export function hasBatchAccess<Item, Batch = unknown>(
  dataset: Dataset<Item>,
): dataset is Dataset<Item> & BatchAccess<Batch> {
  return typeof (dataset as Partial<BatchAccess<Batch>>).getBatch === 'function';
}
