import type { Tensor, TensorRowsLoaderV1 } from '@epochlab/tensor';
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
  /**
   * `tensor-rows`: rows taken from the tensors of a `TensorRowsLoaderV1`,
   * read once; `batch-tensors`: each batch's tensors read as they come.
   */
  readonly kind: 'tensor-rows' | 'batch-tensors';
  open(epoch: number): BatchCursor;
}

/**
 * The loader and its two `[rows, columns]` tensors when `source` declares the
 * `TensorRowsLoaderV1` contract (as `@epochlab/data`'s `DataLoader` does) and
 * forms its batches from the rows of inputs and targets tensors.
 */
function tensorRowsOf(
  source: BatchSource,
): { readonly loader: TensorRowsLoaderV1; readonly x: Tensor; readonly y: Tensor } | undefined {
  const declared = source as BatchSource & Partial<TensorRowsLoaderV1>;
  if (declared.specificationVersion !== 'tensor-rows-loader-v1') return undefined;
  const loader = declared as TensorRowsLoaderV1;
  const tensors = loader.rowTensors;
  if (tensors?.length !== 2) return undefined;
  const [x, y] = tensors as [Tensor, Tensor];
  if ([x, y].some((tensor) => tensor.isDisposed || tensor.rank !== 2)) return undefined;
  return { loader, x, y };
}

/** A copy of a tensor's values as float32. */
function float32Values(tensor: Tensor): Float32Array {
  const values = tensor.dataSync();
  return values instanceof Float32Array ? values : Float32Array.from(values as ArrayLike<number>);
}

/**
 * Batches formed in JavaScript from the loader's tensors, read once: the same
 * rows in the same order as the loader's own batches (`order(epoch)` cut into
 * `batchSize` pieces, `length` of them).
 */
class TensorRowsFeed implements BatchFeed {
  readonly kind = 'tensor-rows' as const;
  private readonly x: Float32Array;
  private readonly y: Float32Array;
  private readonly xColumns: number;
  private readonly yColumns: number;
  private readonly loader: TensorRowsLoaderV1;
  private readonly cursor: BatchCursor;
  private order: Int32Array = new Int32Array(0);
  private batch = 0;

  constructor(loader: TensorRowsLoaderV1, x: Tensor, y: Tensor) {
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
    this.order = this.loader.order(epoch);
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
  readonly kind = 'batch-tensors' as const;
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

/**
 * What a source's first batch says before training: its `rows`, and a `shape`
 * pair of tensors with the batch's rank and columns to check against the
 * model. For a `TensorRowsLoaderV1` that is its two row tensors (no batch is
 * formed: forming one runs tfjs ops, 30-40 ms of a fresh process's first
 * run); for any other source its first batch itself. `undefined`: the epoch
 * has no batches.
 */
export function firstBatchOf(
  source: BatchSource,
  epoch: number,
): { readonly rows: number; readonly shape: Batch } | undefined {
  const tensorRows = tensorRowsOf(source);
  if (tensorRows !== undefined) {
    const { loader, x, y } = tensorRows;
    if (loader.length === 0) return undefined;
    return { rows: Math.min(loader.batchSize, x.shape[0] as number), shape: [x, y] };
  }
  for (const batch of source.batches(epoch)) {
    return { rows: batch[0].shape[0] as number, shape: batch };
  }
  return undefined;
}

/**
 * The fastest feed for `source`: rows taken straight from the tensors of a
 * `TensorRowsLoaderV1` that forms its batches from two `[rows, columns]`
 * tensors (a `DataLoader` over a `TensorDataset`); the batch tensors otherwise.
 */
export function createBatchFeed(source: BatchSource): BatchFeed {
  const rows = tensorRowsOf(source);
  return rows === undefined
    ? new TensorFeed(source)
    : new TensorRowsFeed(rows.loader, rows.x, rows.y);
}
