import {
  describeValue,
  InvalidArgumentError,
  type Scalar,
  type Tensor,
  type Tensor1D,
  type Tensor2D,
  tf,
} from '@epochlab/tensor';
import type { BatchAccess, Dataset } from './dataset.js';
import { indexRange, requireIndex } from './validate.js';

/** The type of one row (index along axis 0) of a tensor of type `T`: one rank less. */
export type RowOf<T> = T extends Tensor2D ? Tensor1D : T extends Tensor1D ? Scalar : Tensor;

/** One row of each tensor in the tuple `T`. */
export type RowsOf<T extends readonly Tensor[]> = { -readonly [K in keyof T]: RowOf<T[K]> };

/**
 * A dataset over in-memory tensors that share their first dimension, like
 * PyTorch's `TensorDataset`: item `i` is row `i` of every tensor.
 *
 * Batches come from one `tf.gather` per tensor, with one indices tensor per
 * batch: never one tensor per item. (Gather, not slice, even for consecutive
 * indices: the wasm backend's slice copies the whole input tensor first.)
 * A batch keeps the rank of the tensors, so `new TensorDataset(x, y)` with
 * `x`, `y` of shape `[n, 1]` gives batches `[Tensor2D, Tensor2D]` of shape
 * `[B, 1]`.
 *
 * Ownership: the dataset borrows `tensors` and never disposes them; dispose
 * them yourself (`tf.dispose(dataset.tensors)`) once no loader uses them.
 * `get` and `getBatch` return new tensors that belong to the caller.
 *
 * @example
 * const dataset = new TensorDataset(x, y); // x, y: Tensor2D [n, 1]
 * const [xBatch, yBatch] = dataset.getBatch(Int32Array.of(4, 0, 2)); // [3, 1] each
 */
export class TensorDataset<T extends Tensor[] = Tensor[]>
  implements Dataset<RowsOf<T>>, BatchAccess<T>
{
  /** The tensors, as given. */
  readonly tensors: T;
  /** Their common size along axis 0. */
  readonly length: number;

  constructor(...tensors: T) {
    if (tensors.length === 0) {
      throw new InvalidArgumentError('tensors', 'at least one tensor', tensors.length);
    }
    for (const [position, tensor] of tensors.entries()) {
      if (!(tensor instanceof tf.Tensor) || tensor.isDisposed) {
        throw new InvalidArgumentError(`tensors[${position}]`, 'a live tensor', tensor);
      }
      if (tensor.rank < 1) {
        throw new InvalidArgumentError(
          `tensors[${position}]`,
          'a tensor of rank 1 or more',
          'a scalar',
        );
      }
    }
    const lengths = tensors.map((tensor) => tensor.shape[0] as number);
    const length = lengths[0] as number;
    if (lengths.some((other) => other !== length)) {
      throw new InvalidArgumentError(
        'tensors',
        `tensors of the same size along axis 0 (shapes: ${describeValue(tensors.map((t) => t.shape))})`,
        lengths,
      );
    }
    this.tensors = tensors;
    this.length = length;
  }

  /** Row `index` of every tensor (new tensors, one rank less; one gather per tensor). */
  get(index: number): RowsOf<T> {
    requireIndex('index', index, this.length);
    return tf.tidy(() => {
      const row = tf.scalar(index, 'int32');
      return this.tensors.map((tensor) => tf.gather(tensor, row));
    }) as RowsOf<T>;
  }

  /**
   * Rows `indices` of every tensor, stacked along axis 0 (new tensors, same
   * rank): one indices tensor, then one `tf.gather` per tensor.
   */
  getBatch(indices: Int32Array): T {
    for (let k = 0; k < indices.length; k++) {
      const index = indices[k] as number;
      if (index < 0 || index >= this.length) {
        throw new InvalidArgumentError(`indices[${k}]`, indexRange(this.length), index);
      }
    }
    return tf.tidy(() => {
      const rows = tf.tensor1d(indices, 'int32');
      return this.tensors.map((tensor) => tf.gather(tensor, rows));
    }) as T;
  }
}
