/**
 * A number in [0, 1) for row `row` under `seed`, from a 32-bit integer hash
 * (murmur3's finaliser): the same for the same seed and row, on every pass
 * over a file, without memory per row. A streamed file holds row `row` out
 * for validation when it is below the validation fraction.
 */
export function rowDraw(seed: number, row: number): number {
  let h = (seed ^ Math.imul(row + 1, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}
