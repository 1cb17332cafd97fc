import { type Tensor, tf } from '@epochlab/tensor';
import type { Batch, BatchSource } from '../loop/batch-source.js';

/**
 * One epoch's batches as float32 rows. `next()` loads the next batch into
 * `inputs`/`targets` (`rows` rows) and returns false when the epoch is over;
 * `close()` releases the epoch (always call it, also after an early exit).
 */
export interface BatchCursor {
  inputs: Float32Array;
  targets: Float32Array;
  rows: number;
  next(): boolean;
  close(): void;
}

/** A source's batches as float32 rows, epoch by epoch. */
export interface BatchFeed {
  open(epoch: number): BatchCursor;
}

/**
 * What the feed needs from `@epochlab/data`'s `DataLoader` over a
 * `TensorDataset` (this package does not import it): the dataset's tensors,
 * the sampler's order per epoch, the batch size and `dropLast`.
 */
interface TensorLoader {
  readonly dataset: { readonly tensors: readonly Tensor[]; getBatch(indices: Int32Array): unknown };
  readonly sampler: { readonly length: number; order(epoch: number): Int32Array };
  readonly batchSize: number;
  readonly dropLast: boolean;
  readonly length: number;
}

function isTensorLoader(source: BatchSource): source is BatchSource & TensorLoader {
  const loader = source as Partial<TensorLoader>;
  const tensors = loader.dataset?.tensors;
  return (
    Array.isArray(tensors) &&
    tensors.length === 2 &&
    tensors.every(
      (tensor: unknown) =>
        tensor instanceof tf.Tensor &&
        !tensor.isDisposed &&
        tensor.rank === 2 &&
        tensor.dtype === 'float32',
    ) &&
    typeof loader.dataset?.getBatch === 'function' &&
    typeof loader.sampler?.order === 'function' &&
    Number.isSafeInteger(loader.sampler.length) &&
    Number.isSafeInteger(loader.batchSize) &&
    (loader.batchSize as number) >= 1 &&
    typeof loader.dropLast === 'boolean' &&
    Number.isSafeInteger(loader.length)
  );
}

/** A copy of a tensor's values as float32. */
function float32Values(tensor: Tensor): Float32Array {
  const values = tensor.dataSync();
  return values instanceof Float32Array ? values : Float32Array.from(values as ArrayLike<number>);
}

/**
 * Batches formed in JavaScript from the loader's tensors, read once: the same
 * rows in the same order as the loader's own batches (`sampler.order(epoch)`
 * cut into `batchSize` pieces, the last one kept unless `dropLast`).
 */
class LoaderFeed implements BatchFeed {
  private readonly x: Float32Array;
  private readonly y: Float32Array;
  private readonly xColumns: number;
  private readonly yColumns: number;
  private readonly loader: TensorLoader;
  private readonly cursor: BatchCursor;
  private order: Int32Array = new Int32Array(0);
  private batch = 0;

  constructor(loader: TensorLoader) {
    const [x, y] = loader.dataset.tensors as [Tensor, Tensor];
    this.loader = loader;
    this.x = new Float32Array(float32Values(x));
    this.y = new Float32Array(float32Values(y));
    this.xColumns = x.shape[1] as number;
    this.yColumns = y.shape[1] as number;
    const { batchSize } = loader;
    this.cursor = {
      inputs: new Float32Array(batchSize * this.xColumns),
      targets: new Float32Array(batchSize * this.yColumns),
      rows: 0,
      next: () => this.load(),
      close: () => {},
    };
  }

  open(epoch: number): BatchCursor {
    this.order = this.loader.sampler.order(epoch);
    this.batch = 0;
    return this.cursor;
  }

  private load(): boolean {
    const { loader, order, cursor, x, y, xColumns, yColumns } = this;
    if (this.batch >= loader.length) return false;
    const start = this.batch * loader.batchSize;
    const rows = Math.min(loader.batchSize, order.length - start);
    const { inputs, targets } = cursor;
    for (let row = 0; row < rows; row++) {
      const index = order[start + row] as number;
      if (xColumns === 1) inputs[row] = x[index] as number;
      else inputs.set(x.subarray(index * xColumns, (index + 1) * xColumns), row * xColumns);
      if (yColumns === 1) targets[row] = y[index] as number;
      else targets.set(y.subarray(index * yColumns, (index + 1) * yColumns), row * yColumns);
    }
    cursor.rows = rows;
    this.batch++;
    return true;
  }
}

/** Any other source: its batch tensors, read (`dataSync`) one batch at a time. */
class TensorFeed implements BatchFeed {
  private readonly source: BatchSource;

  constructor(source: BatchSource) {
    this.source = source;
  }

  open(epoch: number): BatchCursor {
    const iterator = this.source.batches(epoch)[Symbol.iterator]();
    const cursor: BatchCursor = {
      inputs: new Float32Array(0),
      targets: new Float32Array(0),
      rows: 0,
      next() {
        const step = iterator.next();
        if (step.done === true) return false;
        const [inputs, targets] = step.value;
        cursor.inputs = float32Values(inputs);
        cursor.targets = float32Values(targets);
        cursor.rows = inputs.shape[0] as number;
        return true;
      },
      close() {
        iterator.return?.();
      },
    };
    return cursor;
  }
}

/** Whether two batches hold the same numbers (the loader's first batch and the feed's). */
function sameBatch(batch: Batch, cursor: BatchCursor): boolean {
  const [inputs, targets] = batch;
  const x = inputs.dataSync();
  const y = targets.dataSync();
  if (inputs.shape[0] !== cursor.rows) return false;
  if (x.length !== cursor.rows * (inputs.shape[1] ?? 1)) return false;
  for (let k = 0; k < x.length; k++) if (!Object.is(x[k], cursor.inputs[k])) return false;
  for (let k = 0; k < y.length; k++) if (!Object.is(y[k], cursor.targets[k])) return false;
  return true;
}

/**
 * The fastest feed for `source`: rows taken straight from a `DataLoader`'s
 * `TensorDataset` when it is one and its first batch of `epoch` (`firstBatch`,
 * already read from the loader) matches what the feed forms (so a custom
 * `collate` falls back safely); the batch tensors otherwise.
 */
export function createBatchFeed(source: BatchSource, epoch: number, firstBatch: Batch): BatchFeed {
  if (isTensorLoader(source)) {
    const feed = new LoaderFeed(source);
    const cursor = feed.open(epoch);
    if (cursor.next() && sameBatch(firstBatch, cursor)) return feed;
  }
  return new TensorFeed(source);
}
