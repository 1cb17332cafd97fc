import type { GradientBatch } from '@epochlab/train';

/** Most mini-batches compared with the full gradient per measurement. */
export const MAX_NOISE_BATCHES = 64;

/** All training points as one float32 batch (one input and one output column). */
export function fullBatch(x: readonly number[], y: readonly number[]): GradientBatch {
  return { inputs: Float32Array.from(x), targets: Float32Array.from(y), rows: x.length };
}

/**
 * The mini-batches of one epoch's order (`order` cut into `batchSize` pieces,
 * the last short one kept, as `DataLoader` batches), at most `limit` of them,
 * with the rows of `full`.
 */
export function orderedBatches(
  full: GradientBatch,
  order: ArrayLike<number>,
  batchSize: number,
  limit = MAX_NOISE_BATCHES,
): GradientBatch[] {
  const batches: GradientBatch[] = [];
  for (let start = 0; start < order.length && batches.length < limit; start += batchSize) {
    const rows = Math.min(batchSize, order.length - start);
    const inputs = new Float32Array(rows);
    const targets = new Float32Array(rows);
    for (let row = 0; row < rows; row++) {
      const index = order[start + row] as number;
      inputs[row] = full.inputs[index] as number;
      targets[row] = full.targets[index] as number;
    }
    batches.push({ inputs, targets, rows });
  }
  return batches;
}
