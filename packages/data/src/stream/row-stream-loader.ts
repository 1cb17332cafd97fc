import { InvalidArgumentError, type Tensor2D, tf } from '@epochlab/tensor';
import { optionalBoolean, requireNonNegativeInteger, requirePositiveInteger } from '../validate.js';
import type { RowStream } from './row-stream.js';

/** Options of `RowStreamLoader`: `DataLoader`'s, without the order (the stream chooses it). */
export interface RowStreamLoaderOptions {
  /** Rows per batch, a whole number >= 1 (default 1). */
  batchSize?: number;
  /** Drop the last batch when it is shorter than `batchSize` (default false: keep it). */
  dropLast?: boolean;
}

/**
 * Batches of an iterable-style dataset (a `RowStream`), as PyTorch's
 * `DataLoader` batches an `IterableDataset`: `batchSize` and `dropLast` mean
 * what they mean for `DataLoader`, the order is the stream's, and batches are
 * `[inputs, targets]` of shape `[B, inputSize]` and `[B, targetSize]`, one
 * tensor each per batch. It is a batch source for `trainModel` like
 * `DataLoader`: `batches(epoch)`, and `for...of` runs the next epoch.
 *
 * Batches are borrowed, as with `DataLoader`: their tensors are disposed when
 * the iterator moves to the next batch or finishes. Memory holds one batch
 * and whatever the stream holds (its chunk and shuffle buffer).
 */
export class RowStreamLoader implements Iterable<[Tensor2D, Tensor2D]> {
  readonly stream: RowStream;
  readonly batchSize: number;
  readonly dropLast: boolean;
  /** Batches per epoch. */
  readonly length: number;
  private epochsStarted = 0;

  constructor(stream: RowStream, options: RowStreamLoaderOptions = {}) {
    if (typeof stream?.blocks !== 'function' || !Number.isSafeInteger(stream.length)) {
      throw new InvalidArgumentError('stream', 'a RowStream (length and blocks(epoch))', stream);
    }
    this.stream = stream;
    this.batchSize = requirePositiveInteger('batchSize', options.batchSize ?? 1);
    this.dropLast = optionalBoolean('dropLast', options.dropLast, false);
    this.length = this.dropLast
      ? Math.floor(stream.length / this.batchSize)
      : Math.ceil(stream.length / this.batchSize);
  }

  /** The next epoch's batches: `batches(k)` on the k-th call. */
  [Symbol.iterator](): IterableIterator<[Tensor2D, Tensor2D]> {
    return this.batches(this.epochsStarted++);
  }

  /** The batches of epoch `epoch` (0-based), each borrowed until the iterator advances. */
  *batches(epoch: number): Generator<[Tensor2D, Tensor2D], void, undefined> {
    requireNonNegativeInteger('epoch', epoch);
    const { inputSize, targetSize } = this.stream;
    const size = this.batchSize;
    let inputs = new Float32Array(size * inputSize);
    let targets = new Float32Array(size * targetSize);
    let filled = 0;
    let current: [Tensor2D, Tensor2D] | undefined;
    const make = (rows: number): [Tensor2D, Tensor2D] => [
      tf.tensor2d(inputs.subarray(0, rows * inputSize), [rows, inputSize]),
      tf.tensor2d(targets.subarray(0, rows * targetSize), [rows, targetSize]),
    ];
    try {
      for (const block of this.stream.blocks(epoch)) {
        let row = 0;
        while (row < block.rows) {
          const take = Math.min(size - filled, block.rows - row);
          inputs.set(
            block.inputs.subarray(row * inputSize, (row + take) * inputSize),
            filled * inputSize,
          );
          targets.set(
            block.targets.subarray(row * targetSize, (row + take) * targetSize),
            filled * targetSize,
          );
          filled += take;
          row += take;
          if (filled === size) {
            current = make(size);
            yield current;
            tf.dispose(current);
            current = undefined;
            // tf.tensor2d may keep a view of the array on the cpu backend: fill fresh ones.
            inputs = new Float32Array(size * inputSize);
            targets = new Float32Array(size * targetSize);
            filled = 0;
          }
        }
      }
      if (filled > 0 && !this.dropLast) {
        current = make(filled);
        yield current;
      }
    } finally {
      if (current !== undefined) tf.dispose(current);
    }
  }
}
