import { InvalidArgumentError } from '@epochlab/tensor/errors';
import { checkStart, descentPath } from './descent-path.js';
import { checkLinePoints, checkLossName, type LineFitData, type LinePoint } from './line-loss.js';
import { lossMinimum } from './loss-minimum.js';
import { type LossSurface, lossSurface } from './loss-surface.js';

/** One descent path of a line view. */
export interface LineViewPath {
  /** The batch size as the lab names it, e.g. `'5'` or `'full (100)'`. */
  label: string;
  batchSize: number;
  /** `steps + 1` points from the start; fewer when the path diverged. */
  points: LinePoint[];
  /** True when the path stopped early because a step left the finite numbers. */
  diverged: boolean;
}

/** The two-parameter picture: the loss surface, its lowest point and the paths drawn on it. */
export interface LineView {
  surface: LossSurface;
  minimum: LinePoint;
  paths: LineViewPath[];
}

/** Options of `lineView`. */
export interface LineViewOptions extends LineFitData {
  /** Start of every path: `[m, b]`. */
  readonly start: readonly [number, number];
  /** Learning rate of every path. */
  readonly lr: number;
  /** Gradient steps of every path. */
  readonly steps: number;
  /** One path per entry, in this order. */
  readonly batchSizes: readonly { readonly label: string; readonly batchSize: number }[];
  readonly shuffle: boolean;
  readonly seed: number;
  /** Grid points per axis of the surface (default 80). */
  readonly resolution?: number;
}

/** Share of an axis's span added on each side of the plotted points. */
const PADDING = 0.12;

/**
 * The loss surface of the line y = m x + b over the data, with the SGD path of
 * each batch size from the same start (`descentPath`, same lr, steps, shuffle
 * and seed) and the surface's minimum (`lossMinimum`).
 *
 * The surface spans every path point, the start and the minimum, plus 12% of
 * the span on each side; an axis is never less than half as wide as the other
 * (so a path along one direction does not squash the picture) nor narrower
 * than 0.5.
 *
 * Throws `InvalidArgumentError` naming the option for bad input.
 */
export function lineView(options: LineViewOptions): LineView {
  const { xs, ys, loss } = options;
  checkLinePoints(xs, ys);
  checkLossName(loss);
  const start = checkStart(options.start);
  if (!Array.isArray(options.batchSizes)) {
    throw new InvalidArgumentError(
      'batchSizes',
      'an array of { label, batchSize }',
      options.batchSizes,
    );
  }
  const paths = options.batchSizes.map(({ label, batchSize }): LineViewPath => {
    const points = descentPath({
      xs,
      ys,
      loss,
      start,
      lr: options.lr,
      steps: options.steps,
      batchSize,
      shuffle: options.shuffle,
      seed: options.seed,
    });
    return { label, batchSize, points, diverged: points.length < options.steps + 1 };
  });
  const minimum = lossMinimum(xs, ys, loss);
  const shown = [{ m: start[0], b: start[1] }, minimum, ...paths.flatMap((path) => path.points)];
  const [m, b] = viewBounds(shown);
  const surface = lossSurface({
    xs,
    ys,
    loss,
    m,
    b,
    ...(options.resolution === undefined ? {} : { resolution: options.resolution }),
  });
  return { surface, minimum, paths };
}

/** The padded (m, b) ranges that show every point. */
function viewBounds(
  points: readonly { m: number; b: number }[],
): [[number, number], [number, number]] {
  const extent = (values: number[]): [number, number] => {
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (const value of values) {
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
    return [low, high];
  };
  const [mLow, mHigh] = extent(points.map((p) => p.m));
  const [bLow, bHigh] = extent(points.map((p) => p.b));
  const mSpan = Math.max(mHigh - mLow, 0.5 * (bHigh - bLow), 0.5);
  const bSpan = Math.max(bHigh - bLow, 0.5 * (mHigh - mLow), 0.5);
  const padded = (low: number, high: number, span: number): [number, number] => {
    const middle = 0.5 * (low + high);
    const half = 0.5 * span * (1 + 2 * PADDING);
    return [middle - half, middle + half];
  };
  return [padded(mLow, mHigh, mSpan), padded(bLow, bHigh, bSpan)];
}
