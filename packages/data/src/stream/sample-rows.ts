import type { SeededRandom } from '@epochlab/tensor';
import { InvalidArgumentError } from '@epochlab/tensor/errors';
import type { RowStream } from './row-stream.js';

/** Rows as plain numbers: inputs and targets row-major, as `PointTable` holds them. */
export interface SampledRows {
  readonly rows: number;
  readonly inputs: number[];
  readonly targets: number[];
}

/**
 * A uniform sample of at most `count` rows of one pass over a stream
 * (reservoir sampling, Vitter's algorithm R), in the order they were met:
 * what a chart of a file too large to draw whole shows. Memory holds `count`
 * rows whatever the stream's length; the draws come from `random` only.
 */
export function sampleRows(
  stream: RowStream,
  count: number,
  random: SeededRandom,
  epoch = 0,
): SampledRows {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new InvalidArgumentError('count', 'a whole number >= 1', count);
  }
  const { inputSize, targetSize } = stream;
  const slots: { order: number; inputs: number[]; targets: number[] }[] = [];
  let seen = 0;
  for (const block of stream.blocks(epoch)) {
    for (let row = 0; row < block.rows; row++) {
      const slot = seen < count ? seen : random.integer(0, seen + 1);
      if (slot < count) {
        slots[slot] = {
          order: seen,
          inputs: Array.from(block.inputs.subarray(row * inputSize, (row + 1) * inputSize)),
          targets: Array.from(block.targets.subarray(row * targetSize, (row + 1) * targetSize)),
        };
      }
      seen++;
    }
  }
  slots.sort((a, b) => a.order - b.order);
  return {
    rows: slots.length,
    inputs: slots.flatMap((slot) => slot.inputs),
    targets: slots.flatMap((slot) => slot.targets),
  };
}
