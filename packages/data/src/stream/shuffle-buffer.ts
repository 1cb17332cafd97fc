import type { SeededRandom } from '@epochlab/tensor';
import { InvalidArgumentError } from '@epochlab/tensor/errors';
import type { RowBlock } from './row-stream.js';

/** Rows per block the shuffle buffer hands on. */
const OUTPUT_ROWS = 4096;

/**
 * The rows of `blocks` in an order shuffled through a buffer of `capacity`
 * rows, as tf.data's `shuffle(buffer_size)` does: the buffer fills with the
 * first `capacity` rows; then each incoming row takes the place of a row
 * drawn uniformly from the buffer, which goes out; at the end the buffer
 * empties in a random order. Memory holds `capacity` rows whatever the
 * length of the stream.
 *
 * Unlike a full shuffle (a permutation of all rows), a row can come out only
 * after the rows it waits behind have filled the buffer: the first output row
 * is one of the first `capacity + 1` rows, and a row near the end of the file
 * cannot come out near the start of the epoch. With `capacity` at least the
 * number of rows it is a full, uniform shuffle. Every row comes out exactly
 * once. The draws come from `random` only, so the same random stream gives
 * the same order.
 */
export function* shuffleRows(
  blocks: Iterable<RowBlock>,
  inputSize: number,
  targetSize: number,
  capacity: number,
  random: SeededRandom,
): Generator<RowBlock> {
  if (!Number.isSafeInteger(capacity) || capacity < 1) {
    throw new InvalidArgumentError('shuffleBuffer', 'a whole number of rows >= 1', capacity);
  }
  const width = inputSize + targetSize;
  const buffer = new Float32Array(capacity * width);
  let filled = 0;
  // One output block, refilled after each yield: a block is valid until the next is asked for.
  const out = newBlock(inputSize, targetSize);
  let outRows = 0;

  const emit = (slot: number) => {
    const from = slot * width;
    out.inputs.set(buffer.subarray(from, from + inputSize), outRows * inputSize);
    out.targets.set(buffer.subarray(from + inputSize, from + width), outRows * targetSize);
    outRows++;
  };
  const store = (slot: number, block: RowBlock, row: number) => {
    const to = slot * width;
    buffer.set(block.inputs.subarray(row * inputSize, (row + 1) * inputSize), to);
    buffer.set(block.targets.subarray(row * targetSize, (row + 1) * targetSize), to + inputSize);
  };

  for (const block of blocks) {
    for (let row = 0; row < block.rows; row++) {
      if (filled < capacity) {
        store(filled++, block, row);
        continue;
      }
      const slot = random.integer(0, capacity);
      emit(slot);
      store(slot, block, row);
      if (outRows === OUTPUT_ROWS) {
        yield out;
        outRows = 0;
      }
    }
  }
  // Empty the buffer in a random order: a Fisher–Yates pass over what is left.
  for (let left = filled; left > 0; left--) {
    const slot = random.integer(0, left);
    emit(slot);
    if (slot !== left - 1) {
      buffer.copyWithin(slot * width, (left - 1) * width, left * width);
    }
    if (outRows === OUTPUT_ROWS) {
      yield out;
      outRows = 0;
    }
  }
  if (outRows > 0) {
    yield {
      rows: outRows,
      inputs: out.inputs.subarray(0, outRows * inputSize),
      targets: out.targets.subarray(0, outRows * targetSize),
    };
  }
}

function newBlock(inputSize: number, targetSize: number) {
  return {
    rows: OUTPUT_ROWS,
    inputs: new Float32Array(OUTPUT_ROWS * inputSize),
    targets: new Float32Array(OUTPUT_ROWS * targetSize),
  };
}
