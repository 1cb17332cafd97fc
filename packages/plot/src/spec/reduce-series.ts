import { ChartInputError } from '../errors.js';

/** A point with an x to bucket by and a y to keep the extremes of. */
export interface SeriesPoint {
  readonly x: number;
  readonly y: number;
}

/** The smallest budget that can keep the first, last, minimum and maximum points. */
export const minReductionBudget = 4;

/**
 * Shrinks a long series for display while keeping its shape: the x range is
 * cut into `floor((maxPoints - 2) / 2)` equal columns (think pixel columns) and
 * each column keeps its lowest and highest point, in their original order; the
 * first and last points are always kept. So the result never has more than
 * `maxPoints` points, it contains the series' minimum and maximum (the first
 * such point when several tie), and spikes and noise bands stay visible
 * (min/max per column, as M4 does for line charts).
 *
 * Series with at most `maxPoints` points come back as a copy, unchanged. The
 * input is not modified; the returned array holds the same point objects.
 *
 * Throws `ChartInputError` when `maxPoints` is not an integer of at least 4, or
 * a coordinate is not finite, or x decreases.
 */
export function reduceSeries<T extends SeriesPoint>(points: readonly T[], maxPoints: number): T[] {
  if (!Number.isInteger(maxPoints) || maxPoints < minReductionBudget) {
    throw new ChartInputError(
      'maxPoints',
      `an integer of at least ${minReductionBudget} (first, last, min, max)`,
      maxPoints,
    );
  }
  checkOrdered(points);
  const count = points.length;
  if (count <= maxPoints) return points.slice();

  const first = points[0] as T;
  const last = points[count - 1] as T;
  const columns = Math.floor((maxPoints - 2) / 2);
  const span = last.x - first.x;
  const lowest = new Array<number>(columns).fill(-1);
  const highest = new Array<number>(columns).fill(-1);
  for (let i = 1; i < count - 1; i++) {
    const point = points[i] as T;
    const column =
      span > 0
        ? Math.min(columns - 1, Math.floor(((point.x - first.x) / span) * columns))
        : Math.floor(((i - 1) * columns) / (count - 2));
    const low = lowest[column] as number;
    if (low < 0 || point.y < (points[low] as T).y) lowest[column] = i;
    const high = highest[column] as number;
    if (high < 0 || point.y > (points[high] as T).y) highest[column] = i;
  }

  const kept: T[] = [first];
  for (let column = 0; column < columns; column++) {
    const low = lowest[column] as number;
    const high = highest[column] as number;
    if (low < 0) continue;
    const [a, b] = low <= high ? [low, high] : [high, low];
    kept.push(points[a] as T);
    if (b !== a) kept.push(points[b] as T);
  }
  kept.push(last);
  return kept;
}

function checkOrdered(points: readonly SeriesPoint[]): void {
  let previousX = Number.NEGATIVE_INFINITY;
  points.forEach((point, i) => {
    if (!Number.isFinite(point.x)) throw new ChartInputError(`points[${i}].x`, 'finite', point.x);
    if (!Number.isFinite(point.y)) throw new ChartInputError(`points[${i}].y`, 'finite', point.y);
    if (point.x < previousX) {
      throw new ChartInputError(
        `points[${i}].x`,
        `at least the x before it (${previousX})`,
        point.x,
      );
    }
    previousX = point.x;
  });
}
