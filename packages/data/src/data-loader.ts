import {
  InvalidArgumentError,
  type Tensor,
  type TensorRowsLoaderV1,
  tf,
  validateSeed,
} from '@epochlab/tensor';
import { type BatchAccess, type Dataset, hasBatchAccess } from './dataset.js';
import { defaultCollate } from './default-collate.js';
import { RandomSampler } from './random-sampler.js';
import type { Sampler } from './sampler.js';
import { SequentialSampler } from './sequential-sampler.js';
import { TensorDataset } from './tensor-dataset.js';
import {
  indexRange,
  optionalBoolean,
  requireNonNegativeInteger,
  requirePositiveInteger,
} from './validate.js';

type TensorContainer = tf.TensorContainer;

/** Options of `DataLoader`, PyTorch's `DataLoader` arguments spelt the TypeScript way. */
export interface DataLoaderOptions<Item, Batch> {
  /** Items per batch, a whole number >= 1 (default 1). */
  batchSize?: number;
  /** A fresh random order every epoch, reproducible from `seed` (default false). */
  shuffle?: boolean;
  /** Drop the last batch when it is shorter than `batchSize` (default false: keep it). */
  dropLast?: boolean;
  /** Seed of the shuffling order, a whole number in [0, 2^32 - 1] (default 0). */
  seed?: number;
  /**
   * A custom order instead of `shuffle`: a `Sampler` (an order per epoch) or a
   * fixed list of dataset indices used every epoch. Not allowed with `shuffle: true`.
   */
  sampler?: Sampler | ArrayLike<number>;
  /**
   * Builds a batch from a list of items. When given, items are read one at a
   * time with `get`, even from a dataset with batch access. It must return new
   * tensors (the loader disposes them). Default: `defaultCollate`.
   */
  collate?: (items: Item[]) => Batch;
}

/**
 * Iterates over a dataset in batches, epoch after epoch, like PyTorch's
 * `DataLoader`.
 *
 * - `batchSize`, `shuffle`, `dropLast`, `sampler` and `collate` mean what
 *   `batch_size`, `shuffle`, `drop_last`, `sampler` and `collate_fn` mean in
 *   PyTorch; the last short batch is kept unless `dropLast`.
 * - `for (const batch of loader)` runs one epoch; each `for...of` is the next
 *   epoch (0, 1, 2, ...). `batches(epoch)` runs a given epoch. With `shuffle`,
 *   epoch `e`'s order depends only on `seed` and `e` (see `RandomSampler`).
 * - A dataset with batch access (`TensorDataset`, a `Subset` of one) is read
 *   with one `getBatch` call per batch; any other dataset item by item, then
 *   `collate` (`defaultCollate` unless given). Both run inside `tf.tidy`, so
 *   temporary tensors (the items, the indices tensor) never outlive the batch.
 *
 * **Batches are borrowed.** The loader disposes every tensor of a batch when
 * the iterator moves to the next batch or finishes, including on `break`,
 * `return` or an exception in the loop body. Use a batch inside the loop body;
 * to keep one longer, `tf.clone` it (or `tf.keep` tensors you computed from
 * it yourself). With this rule a training loop can run for any number of
 * epochs without leaking tensors. An iterator abandoned half-way without
 * `return()` (stepping with `next()` by hand) keeps its current batch alive.
 *
 * @example
 * const loader = new DataLoader(new TensorDataset(x, y), { batchSize: 5, shuffle: true, seed: 1 });
 * for (let epoch = 0; epoch < 20000; epoch++) {
 *   for (const [xBatch, yBatch] of loader) {
 *     // xBatch, yBatch: Tensor2D [B, 1], valid until the next iteration
 *   }
 * }
 */
export class DataLoader<Batch = unknown, Item = unknown>
  implements Iterable<Batch>, TensorRowsLoaderV1
{
  /**
   * Declares the `TensorRowsLoaderV1` contract: `@epochlab/train`'s fused
   * path reads {@link rowTensors} and {@link order} to form the same batches
   * without a tensor per batch.
   */
  readonly specificationVersion = 'tensor-rows-loader-v1' as const;
  /** The dataset batches are read from. */
  readonly dataset: Dataset<Item>;
  /** Items per batch (the last one may be shorter unless `dropLast`). */
  readonly batchSize: number;
  /** Whether a last, shorter batch is dropped. */
  readonly dropLast: boolean;
  /** The order of dataset indices, per epoch. */
  readonly sampler: Sampler;
  /** Batches per epoch. */
  readonly length: number;
  /**
   * The dataset's tensors when every batch is rows of them: a `TensorDataset`
   * read with its own `getBatch` (no `collate`); `undefined` otherwise.
   */
  readonly rowTensors: readonly Tensor[] | undefined;
  private readonly readBatch: (indices: Int32Array) => Batch;
  private readonly checkOrders: boolean;
  private iterationsStarted = 0;

  /** A dataset read item by item and batched by `options.collate`. */
  constructor(
    dataset: Dataset<Item>,
    options: Omit<DataLoaderOptions<Item, Batch>, 'collate'> & {
      collate: (items: Item[]) => Batch;
    },
  );
  /** A dataset with batch access, read one `getBatch` call per batch. */
  constructor(
    dataset: Dataset<Item> & BatchAccess<Batch>,
    options?: DataLoaderOptions<Item, Batch>,
  );
  /**
   * A dataset read item by item and batched by `defaultCollate`. `Batch` cannot
   * be inferred here: give it (`new DataLoader<[Tensor2D, Tensor2D]>(...)`) or
   * pass `collate: defaultCollate`.
   */
  constructor(dataset: Dataset<Item>, options?: DataLoaderOptions<Item, Batch>);
  constructor(dataset: Dataset<Item>, options: DataLoaderOptions<Item, Batch> = {}) {
    if (
      typeof dataset !== 'object' ||
      dataset === null ||
      typeof dataset.get !== 'function' ||
      !Number.isSafeInteger(dataset.length) ||
      dataset.length < 0
    ) {
      throw new InvalidArgumentError(
        'dataset',
        'a Dataset (a whole-number length >= 0 and a get(index) method)',
        dataset,
      );
    }
    this.dataset = dataset;
    this.batchSize = requirePositiveInteger('batchSize', options.batchSize ?? 1);
    this.dropLast = optionalBoolean('dropLast', options.dropLast, false);
    const shuffle = optionalBoolean('shuffle', options.shuffle, false);
    const seed = validateSeed(options.seed ?? 0, 'seed');

    if (options.sampler !== undefined) {
      if (shuffle) {
        throw new InvalidArgumentError('shuffle', 'false or omitted when a sampler is given', true);
      }
      this.sampler = toSampler(options.sampler, dataset.length);
      this.checkOrders = !isFixedOrder(options.sampler);
    } else {
      this.sampler = shuffle
        ? new RandomSampler(dataset.length, seed)
        : new SequentialSampler(dataset.length);
      this.checkOrders = false;
    }

    const count = this.sampler.length;
    this.length = this.dropLast
      ? Math.floor(count / this.batchSize)
      : Math.ceil(count / this.batchSize);

    const collate = options.collate;
    if (collate !== undefined && typeof collate !== 'function') {
      throw new InvalidArgumentError('collate', 'a function (items) => batch', collate);
    }
    this.rowTensors =
      collate === undefined && dataset instanceof TensorDataset ? dataset.tensors : undefined;
    if (collate === undefined && hasBatchAccess<Item, Batch>(dataset)) {
      this.readBatch = (indices) =>
        tf.tidy(() => dataset.getBatch(indices) as TensorContainer) as Batch;
    } else {
      const toBatch = collate ?? (defaultCollate as unknown as (items: Item[]) => Batch);
      this.readBatch = (indices) =>
        tf.tidy(() => {
          const items = new Array<Item>(indices.length);
          for (let k = 0; k < indices.length; k++) items[k] = dataset.get(indices[k] as number);
          return toBatch(items) as TensorContainer;
        }) as Batch;
    }
  }

  /** How many epochs `for...of` has started so far: the next one is this epoch. */
  get epochsStarted(): number {
    return this.iterationsStarted;
  }

  /**
   * The batches of epoch `epoch` (a whole number >= 0). Each batch is borrowed:
   * its tensors are disposed when the iterator advances or finishes.
   */
  batches(epoch: number): IterableIterator<Batch> {
    return this.iterate(this.order(epoch));
  }

  /**
   * The dataset indices of epoch `epoch` (a whole number >= 0) in batch order:
   * batch `b` holds indices `b * batchSize` onwards, up to `batchSize` of them.
   */
  order(epoch: number): Int32Array {
    requireNonNegativeInteger('epoch', epoch);
    const order = this.sampler.order(epoch);
    if (this.checkOrders) this.checkOrder(order, epoch);
    return order;
  }

  /** The next epoch's batches: `batches(k)` on the k-th call (k = 0, 1, 2, ...). */
  [Symbol.iterator](): IterableIterator<Batch> {
    const epoch = this.iterationsStarted;
    const batches = this.batches(epoch);
    this.iterationsStarted = epoch + 1;
    return batches;
  }

  private *iterate(order: Int32Array): Generator<Batch, void, undefined> {
    let current: Batch | undefined;
    try {
      for (let start = 0, b = 0; b < this.length; b++, start += this.batchSize) {
        current = this.readBatch(order.subarray(start, start + this.batchSize));
        yield current;
        const done = current;
        current = undefined;
        tf.dispose(done as TensorContainer);
      }
    } finally {
      if (current !== undefined) tf.dispose(current as TensorContainer);
    }
  }

  private checkOrder(order: Int32Array, epoch: number): void {
    if (!(order instanceof Int32Array) || order.length !== this.sampler.length) {
      throw new InvalidArgumentError(
        `sampler.order(${epoch})`,
        `an Int32Array of sampler.length (${this.sampler.length}) indices`,
        order instanceof Int32Array ? `${order.length} indices` : order,
      );
    }
    const limit = this.dataset.length;
    for (let k = 0; k < order.length; k++) {
      const index = order[k] as number;
      if (index < 0 || index >= limit) {
        throw new InvalidArgumentError(`sampler.order(${epoch})[${k}]`, indexRange(limit), index);
      }
    }
  }
}

function isFixedOrder(sampler: Sampler | ArrayLike<number>): sampler is ArrayLike<number> {
  return typeof (sampler as Partial<Sampler>).order !== 'function';
}

/** A `Sampler` for `sampler`: itself, or one that repeats a fixed, checked order. */
function toSampler(sampler: Sampler | ArrayLike<number>, datasetLength: number): Sampler {
  if (!isFixedOrder(sampler)) {
    requireNonNegativeInteger('sampler.length', sampler.length);
    return sampler;
  }
  if (typeof sampler !== 'object' || sampler === null || !Number.isSafeInteger(sampler.length)) {
    throw new InvalidArgumentError('sampler', 'a Sampler or an array of dataset indices', sampler);
  }
  const order = new Int32Array(sampler.length);
  for (let k = 0; k < sampler.length; k++) {
    const index = sampler[k];
    if (
      typeof index !== 'number' ||
      !Number.isInteger(index) ||
      index < 0 ||
      index >= datasetLength
    ) {
      throw new InvalidArgumentError(`sampler[${k}]`, indexRange(datasetLength), index);
    }
    order[k] = index;
  }
  return { length: order.length, order: () => order };
}
