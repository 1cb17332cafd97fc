import { InvalidArgumentError } from '@epochlab/tensor/errors';
import {
  allIndices,
  checkLinePoints,
  checkLossName,
  type LineFitData,
  meanLoss,
} from './line-loss.js';

/** Grid points per axis of a loss surface when the caller gives none. */
export const DEFAULT_SURFACE_RESOLUTION = 80;

/** Largest grid resolution per axis. */
export const MAX_SURFACE_RESOLUTION = 1000;

/**
 * The loss of the line y = m x + b on a regular grid of (m, b): `m` and `b` are
 * the grid's coordinates (increasing), and the loss at (m[col], b[row]) is
 * `values[row * m.length + col]` (rows go along b).
 */
export interface LossSurface {
  m: number[];
  b: number[];
  values: number[];
}

/** Options of `lossSurface`. */
export interface LossSurfaceOptions extends LineFitData {
  /** Range of the slope: `[lowest, highest]`, lowest < highest. */
  readonly m: readonly [number, number];
  /** Range of the intercept: `[lowest, highest]`, lowest < highest. */
  readonly b: readonly [number, number];
  /** Grid points per axis, both ends included: a whole number from 2 to 1000 (default 80). */
  readonly resolution?: number;
}

/**
 * The mean loss of the line over the data (`lineLoss`) at every point of a
 * `resolution` × `resolution` grid spanning the given ranges, ends included.
 * Costs `resolution^2 * n` residuals.
 *
 * Throws `InvalidArgumentError` naming the option for bad input.
 */
export function lossSurface(options: LossSurfaceOptions): LossSurface {
  const { xs, ys, loss } = options;
  checkLinePoints(xs, ys);
  checkLossName(loss);
  const resolution = options.resolution ?? DEFAULT_SURFACE_RESOLUTION;
  if (!Number.isInteger(resolution) || resolution < 2 || resolution > MAX_SURFACE_RESOLUTION) {
    throw new InvalidArgumentError(
      'resolution',
      `a whole number from 2 to ${MAX_SURFACE_RESOLUTION}`,
      resolution,
    );
  }
  const m = gridAxis(checkRange(options.m, 'm'), resolution);
  const b = gridAxis(checkRange(options.b, 'b'), resolution);
  const all = allIndices(xs.length);
  const values: number[] = [];
  for (const bj of b) {
    for (const mi of m) values.push(meanLoss(mi, bj, xs, ys, loss, all));
  }
  return { m, b, values };
}

function checkRange(range: readonly [number, number], field: string): [number, number] {
  if (
    !Array.isArray(range) ||
    range.length !== 2 ||
    !range.every((v) => typeof v === 'number' && Number.isFinite(v)) ||
    !(range[0] < range[1])
  ) {
    throw new InvalidArgumentError(
      field,
      'two finite numbers [lowest, highest], lowest < highest',
      range,
    );
  }
  return [range[0], range[1]];
}

/** `count` evenly spaced numbers from `low` to `high`, both ends exact. */
function gridAxis([low, high]: [number, number], count: number): number[] {
  const step = (high - low) / (count - 1);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? high : low + i * step));
}
