import type { Points } from './experiment-data.js';

/** One input column's name and the smallest and largest value it takes. */
export interface InputRange {
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

/**
 * The range of each input column of `points` (row-major `x`, named by
 * `inputNames`; one column `x` without them): what a run's summary says of
 * data with several inputs, where no single x axis shows it.
 */
export function inputRanges(points: Points): InputRange[] {
  const names = points.inputNames ?? ['x'];
  const width = names.length;
  return names.map((name, column) => {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = column; i < points.x.length; i += width) {
      const value = points.x[i] as number;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    return { name, min, max };
  });
}
