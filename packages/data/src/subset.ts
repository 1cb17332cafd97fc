import { InvalidArgumentError } from '@epochlab/tensor/errors';
import { type BatchAccess, type Dataset, hasBatchAccess } from './dataset.js';
import { indexRange, requireIndex } from './validate.js';

/**
 * `getBatch` of a `Subset`: a method when the wrapped dataset has batch access
 * (`Batch` is its batch type), `undefined` when it has none (`Batch` is `never`).
 */
export type SubsetGetBatch<Batch> = [Batch] extends [never]
  ? undefined
  : (indices: Int32Array) => Batch;

/**
 * The items of `dataset` at `indices`, like PyTorch's `Subset`: item `i` of the
 * subset is item `indices[i]` of the dataset. Nothing is copied.
 *
 * When the wrapped dataset has batch access (a `TensorDataset`, for one), the
 * subset has it too: `getBatch` maps the indices and makes one batch call, so a
 * `DataLoader` over a split still gathers whole batches.
 */
export class Subset<Item, Batch = never> implements Dataset<Item> {
  /** The wrapped dataset. */
  readonly dataset: Dataset<Item>;
  /** Which items of `dataset` this subset holds, in order. */
  readonly indices: Int32Array;
  /** How many items (`indices.length`). */
  readonly length: number;
  /** Reads a batch from the wrapped dataset in one call; `undefined` when it cannot. */
  readonly getBatch: SubsetGetBatch<Batch>;

  constructor(dataset: Dataset<Item> & Partial<BatchAccess<Batch>>, indices: ArrayLike<number>) {
    const own = new Int32Array(indices.length);
    for (let k = 0; k < indices.length; k++) {
      const index = indices[k];
      if (
        typeof index !== 'number' ||
        !Number.isInteger(index) ||
        index < 0 ||
        index >= dataset.length
      ) {
        throw new InvalidArgumentError(`indices[${k}]`, indexRange(dataset.length), index);
      }
      own[k] = index;
    }
    this.dataset = dataset;
    this.indices = own;
    this.length = own.length;
    this.getBatch = (
      hasBatchAccess<Item, Batch>(dataset)
        ? (batch: Int32Array) => this.readBatch(dataset, batch)
        : undefined
    ) as SubsetGetBatch<Batch>;
  }

  /** Item `index` of the subset: item `indices[index]` of the dataset. */
  get(index: number): Item {
    requireIndex('index', index, this.length);
    return this.dataset.get(this.indices[index] as number);
  }

  private readBatch(dataset: BatchAccess<Batch>, indices: Int32Array): Batch {
    const mapped = new Int32Array(indices.length);
    for (let k = 0; k < indices.length; k++) {
      const index = indices[k] as number;
      if (index < 0 || index >= this.length) {
        throw new InvalidArgumentError(`indices[${k}]`, indexRange(this.length), index);
      }
      mapped[k] = this.indices[index] as number;
    }
    return dataset.getBatch(mapped);
  }
}
