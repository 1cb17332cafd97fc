import { InvalidArgumentError } from '@epochlab/tensor/errors';
import { SeededRandom, validateSeed } from '@epochlab/tensor/random';
import type { BatchAccess, Dataset } from './dataset.js';
import { Subset } from './subset.js';

/** The stream of `new SeededRandom(seed)` that `randomSplit` draws from when given a number. */
export const RANDOM_SPLIT_STREAM = 'random-split';

/**
 * Splits `dataset` into non-overlapping random subsets, like PyTorch's
 * `random_split`.
 *
 * `lengths` is either the size of each subset (whole numbers adding up to
 * `dataset.length`) or the fraction of each (numbers in [0, 1] adding up to 1,
 * within a relative 1e-9). Fractions become sizes as in PyTorch:
 * `floor(length * fraction)` each, then the items left over are handed out one
 * at a time, round-robin, starting with the first subset. For 7 items and
 * fractions `[0.2, 0.2, 0.2, 0.2, 0.2]` the sizes are `[2, 2, 1, 1, 1]`.
 *
 * The order comes from one permutation of `0..length-1`, cut into consecutive
 * pieces: subset `k` holds the next `sizes[k]` indices of it. With a number
 * `seed`, the permutation is `new SeededRandom(seed).stream('random-split')
 * .permutation(length)`, so the same seed always gives the same split; with a
 * `SeededRandom`, its `permutation` is called directly (advancing it).
 *
 * @example
 * const [train, validation] = randomSplit(dataset, [0.8, 0.2], 42);
 */
export function randomSplit<Item, Batch = never>(
  dataset: Dataset<Item> & Partial<BatchAccess<Batch>>,
  lengths: readonly number[],
  seed: number | SeededRandom = 0,
): Subset<Item, Batch>[] {
  const sizes = subsetSizes(lengths, dataset.length);
  const random =
    typeof seed === 'object' && seed !== null
      ? seed
      : new SeededRandom(validateSeed(seed)).stream(RANDOM_SPLIT_STREAM);
  const order = random.permutation(dataset.length);
  const subsets: Subset<Item, Batch>[] = [];
  let offset = 0;
  for (const size of sizes) {
    subsets.push(new Subset<Item, Batch>(dataset, order.subarray(offset, offset + size)));
    offset += size;
  }
  return subsets;
}

/**
 * The size of each subset for `lengths` (sizes or fractions) of a dataset of
 * `total` items, with PyTorch's rules; throws `InvalidArgumentError` naming
 * `lengths` when they do not describe a split of `total` items.
 */
export function subsetSizes(lengths: readonly number[], total: number): number[] {
  const allowed = `whole numbers >= 0 that add up to the dataset length (${total}), or fractions in [0, 1] that add up to 1`;
  if (
    !Array.isArray(lengths) ||
    lengths.length === 0 ||
    lengths.some((value) => typeof value !== 'number' || !Number.isFinite(value) || value < 0)
  ) {
    throw new InvalidArgumentError('lengths', allowed, lengths);
  }
  let sizes: number[] = [...lengths];
  if (isClose(accurateSum(lengths), 1)) {
    if (lengths.some((fraction) => fraction > 1))
      throw new InvalidArgumentError('lengths', allowed, lengths);
    sizes = lengths.map((fraction) => Math.floor(total * fraction));
    const remainder = total - sizes.reduce((sum, size) => sum + size, 0);
    for (let i = 0; i < remainder; i++) {
      const at = i % sizes.length;
      sizes[at] = (sizes[at] as number) + 1;
    }
  }
  if (
    sizes.some((size) => !Number.isSafeInteger(size)) ||
    sizes.reduce((sum, size) => sum + size, 0) !== total
  ) {
    throw new InvalidArgumentError('lengths', allowed, lengths);
  }
  return sizes;
}

/** Python's `math.isclose(a, b)`: relative tolerance 1e-9, no absolute tolerance. */
function isClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** A compensated (Neumaier) sum, as Python's `sum` of floats computes it. */
function accurateSum(values: readonly number[]): number {
  let sum = 0;
  let compensation = 0;
  for (const value of values) {
    const next = sum + value;
    compensation += Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
    sum = next;
  }
  return sum + compensation;
}
