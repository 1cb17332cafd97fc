import { type SinePoints, sineFitLoss } from './sine-fit.js';

/** The loss on a grid of (w, a): the value at (w[col], a[row]) is `values[row * w.length + col]`. */
export interface SineSurface {
  readonly w: number[];
  readonly a: number[];
  readonly values: number[];
}

function steps(low: number, high: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => low + ((high - low) * k) / (count - 1));
}

/**
 * The loss of y = a sin(w x) over a regular grid of `columns` frequencies in
 * [wLow, wHigh] and `rows` amplitudes in [aLow, aHigh], for a heatmap with
 * contours (`lossSurfaceChart` of `@epochlab/plot`).
 */
export function sineSurface(
  points: SinePoints,
  area: {
    readonly w: readonly [number, number];
    readonly a: readonly [number, number];
    readonly columns: number;
    readonly rows: number;
  },
): SineSurface {
  const w = steps(area.w[0], area.w[1], area.columns);
  const a = steps(area.a[0], area.a[1], area.rows);
  const values: number[] = [];
  for (const amplitude of a)
    for (const frequency of w) values.push(sineFitLoss(frequency, amplitude, points));
  return { w, a, values };
}

/**
 * The area worth drawing: every frequency from 0 to a little past the
 * farthest of the start, the paths and 4, and the amplitudes they reach,
 * at least [-1.5, 1.5].
 */
export function sineSurfaceArea(reached: readonly { readonly w: number; readonly a: number }[]): {
  w: [number, number];
  a: [number, number];
  columns: number;
  rows: number;
} {
  let wHigh = 4;
  let aLow = -1.5;
  let aHigh = 1.5;
  for (const point of reached) {
    wHigh = Math.max(wHigh, Math.abs(point.w));
    aLow = Math.min(aLow, point.a);
    aHigh = Math.max(aHigh, point.a);
  }
  return {
    w: [0, Math.ceil(wHigh + 0.5)],
    a: [Math.floor(aLow), Math.ceil(aHigh)],
    columns: 161,
    rows: 81,
  };
}
