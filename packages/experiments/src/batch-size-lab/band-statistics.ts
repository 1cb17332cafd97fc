/** The spread of a set of values: mean, sample standard deviation, range and count. */
export interface Spread {
  readonly mean: number;
  /** Sample standard deviation (divides by count - 1, like `torch.std`); 0 when count is 1. */
  readonly std: number;
  readonly min: number;
  readonly max: number;
  readonly count: number;
}

/** One x of a band: the spread of the curves' y values at that x. */
export interface BandPoint extends Spread {
  readonly x: number;
}

/** A curve as points; x values are unique within a curve. */
export type Curve = readonly { readonly x: number; readonly y: number }[];

/**
 * Mean, sample standard deviation, min and max of `values` (summed in the
 * order given). With no values every number is NaN and `count` is 0.
 *
 * @example
 * spreadOf([1, 2, 6]); // { mean: 3, std: sqrt(7) ≈ 2.6458, min: 1, max: 6, count: 3 }
 */
export function spreadOf(values: readonly number[]): Spread {
  const count = values.length;
  if (count === 0)
    return { mean: Number.NaN, std: Number.NaN, min: Number.NaN, max: Number.NaN, count };
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    sum += value;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const mean = sum / count;
  let squares = 0;
  for (const value of values) squares += (value - mean) * (value - mean);
  const std = count > 1 ? Math.sqrt(squares / (count - 1)) : 0;
  return { mean, std, min, max, count };
}

/**
 * The band of a set of curves (one per seed, say): one point per x present in
 * any curve, sorted by x, with the spread of the y values of the curves that
 * have that x. A run that ended early simply stops contributing.
 *
 * @example
 * bandStatistics([[{ x: 0, y: 1 }, { x: 1, y: 3 }], [{ x: 0, y: 3 }]]);
 * // [{ x: 0, mean: 2, std: sqrt(2), min: 1, max: 3, count: 2 }, { x: 1, mean: 3, std: 0, ... count: 1 }]
 */
export function bandStatistics(curves: readonly Curve[]): BandPoint[] {
  const byX = new Map<number, number[]>();
  for (const curve of curves) {
    for (const { x, y } of curve) {
      const values = byX.get(x);
      if (values === undefined) byX.set(x, [y]);
      else values.push(y);
    }
  }
  return [...byX.keys()]
    .sort((a, b) => a - b)
    .map((x) => ({ x, ...spreadOf(byX.get(x) as number[]) }));
}

/**
 * The band the lab draws around a mean: one standard deviation either side,
 * kept within the values' own range, so a loss band never dips below the
 * lowest seed's loss (when seeds split into stuck and converged runs, mean -
 * std can fall below all of them).
 *
 * @example
 * meanBand({ mean: 3, std: 2.6458, min: 1, max: 6, count: 3 }); // { mean: 3, low: 1, high: 5.6458 }
 */
export function meanBand(spread: Spread): { mean: number; low: number; high: number } {
  return {
    mean: spread.mean,
    low: Math.max(spread.mean - spread.std, spread.min),
    high: Math.min(spread.mean + spread.std, spread.max),
  };
}
