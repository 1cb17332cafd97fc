import type { LossName } from '@epochlab/train';
import {
  allIndices,
  checkLinePoints,
  checkLossName,
  type LinePoint,
  meanGradient,
  meanLoss,
} from './line-loss.js';

/**
 * The (m, b) where the line's mean loss over the data is lowest, with that loss.
 *
 * - `mse`: the least-squares line, in closed form
 *   (`m = cov(x, y) / var(x)`, `b = mean(y) - m mean(x)`).
 * - `l1` and `huber`: the loss is convex in (m, b), so its profile
 *   `g(m) = min_b loss(m, b)` is convex in m. The inner minimum is exact for L1
 *   (b = the median of `y - m x`) and found by bisection of the derivative in b
 *   for Huber; the outer one by a golden-section search on g, bracketed by
 *   stepping out from the least-squares slope. Then a refinement: for L1, an
 *   optimal line passes through two data points, so the lines through pairs of
 *   the points nearest the found line are tried; for Huber, Newton steps on the
 *   exact gradient and Hessian (a piecewise quadratic, so they land on the
 *   minimum once the points inside |e| < 1 are the right ones).
 *
 * When every x is the same (or there is one point) the slope is not determined;
 * then m = 0 and b is the best constant. Where the minimum is not unique (L1
 * can have a flat bottom), any point of lowest loss may come back.
 *
 * Throws `InvalidArgumentError` for bad points or loss, like `lineLoss`.
 */
export function lossMinimum(
  xs: readonly number[],
  ys: readonly number[],
  loss: LossName,
): LinePoint {
  checkLinePoints(xs, ys);
  checkLossName(loss);
  const all = allIndices(xs.length);
  const at = (m: number, b: number): LinePoint => ({
    m,
    b,
    loss: meanLoss(m, b, xs, ys, loss, all),
  });

  const n = xs.length;
  const meanX = xs.reduce((s, x) => s + x, 0) / n;
  const meanY = ys.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - meanX;
    sxx += dx * dx;
    sxy += dx * ((ys[i] as number) - meanY);
  }
  const scaleX = xs.reduce((s, x) => Math.max(s, Math.abs(x)), 0);
  const slopeDetermined = sxx > 1e-24 * n * Math.max(scaleX * scaleX, Number.MIN_VALUE);
  const bestIntercept = (m: number) => interceptFor(m, xs, ys, loss);

  if (!slopeDetermined) return at(0, bestIntercept(0));
  const leastSquaresSlope = sxy / sxx;
  if (loss === 'mse') return at(leastSquaresSlope, meanY - leastSquaresSlope * meanX);

  const profile = (m: number) => meanLoss(m, bestIntercept(m), xs, ys, loss, all);
  const m = minimiseConvex(profile, leastSquaresSlope, Math.max(1, Math.abs(leastSquaresSlope)));
  const found = at(m, bestIntercept(m));
  return loss === 'l1' ? refineL1(found, xs, ys, at) : refineHuber(found, xs, ys, at);
}

/** The b minimising the loss of y = m x + b for a fixed m. */
function interceptFor(
  m: number,
  xs: readonly number[],
  ys: readonly number[],
  loss: LossName,
): number {
  const residuals = xs.map((x, i) => (ys[i] as number) - m * x).sort((a, b) => a - b);
  const n = residuals.length;
  const median =
    n % 2 === 1
      ? (residuals[(n - 1) / 2] as number)
      : 0.5 * ((residuals[n / 2 - 1] as number) + (residuals[n / 2] as number));
  if (loss === 'l1') return median;
  if (loss === 'mse') return residuals.reduce((s, r) => s + r, 0) / n;
  // Huber: the derivative in b, mean(clip(b - r, -1, 1)), is non-decreasing; bisect its zero.
  const slope = (b: number) => {
    let sum = 0;
    for (const r of residuals) sum += Math.max(-1, Math.min(1, b - r));
    return sum;
  };
  let low = (residuals[0] as number) - 1;
  let high = (residuals[n - 1] as number) + 1;
  for (let i = 0; i < 200; i++) {
    const middle = 0.5 * (low + high);
    if (middle <= low || middle >= high) break;
    if (slope(middle) < 0) low = middle;
    else high = middle;
  }
  return 0.5 * (low + high);
}

/**
 * A minimiser of a convex function of one variable: step out from `start` by
 * `step`, doubling, until the bracket's middle is lowest, then golden-section
 * search down to about machine precision.
 */
function minimiseConvex(f: (x: number) => number, start: number, step: number): number {
  let a = start - step;
  let c = start;
  let b = start + step;
  let fa = f(a);
  let fc = f(c);
  let fb = f(b);
  for (let i = 0; i < 200 && (fa < fc || fb < fc); i++) {
    if (fa < fc) {
      [b, fb, c, fc] = [c, fc, a, fa];
      a = c - 2 * (b - c);
      fa = f(a);
    } else {
      [a, fa, c, fc] = [c, fc, b, fb];
      b = c + 2 * (c - a);
      fb = f(b);
    }
  }
  const ratio = (Math.sqrt(5) - 1) / 2;
  let x1 = b - ratio * (b - a);
  let x2 = a + ratio * (b - a);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let i = 0; i < 300; i++) {
    if (b - a <= 1e-15 * Math.max(1, Math.abs(a), Math.abs(b))) break;
    if (f1 <= f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - ratio * (b - a);
      f1 = f(x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + ratio * (b - a);
      f2 = f(x2);
    }
  }
  return f1 <= f2 ? x1 : x2;
}

/** Tries the lines through pairs of the points nearest `found`; keeps the lowest loss. */
function refineL1(
  found: LinePoint,
  xs: readonly number[],
  ys: readonly number[],
  at: (m: number, b: number) => LinePoint,
): LinePoint {
  const nearest = xs
    .map((x, i) => ({ i, distance: Math.abs(found.m * x + found.b - (ys[i] as number)) }))
    .sort((p, q) => p.distance - q.distance)
    .slice(0, 8)
    .map((p) => p.i);
  let best = found;
  for (const i of nearest) {
    for (const j of nearest) {
      const xi = xs[i] as number;
      const xj = xs[j] as number;
      if (j <= i || xi === xj) continue;
      const m = ((ys[j] as number) - (ys[i] as number)) / (xj - xi);
      const candidate = at(m, (ys[i] as number) - m * xi);
      if (candidate.loss < best.loss) best = candidate;
    }
  }
  return best;
}

/** Newton steps on the Huber loss from `found`, each kept only if it lowers the loss. */
function refineHuber(
  found: LinePoint,
  xs: readonly number[],
  ys: readonly number[],
  at: (m: number, b: number) => LinePoint,
): LinePoint {
  const all = allIndices(xs.length);
  let best = found;
  for (let iteration = 0; iteration < 20; iteration++) {
    let hmm = 0;
    let hmb = 0;
    let hbb = 0;
    xs.forEach((x, i) => {
      if (Math.abs(best.m * x + best.b - (ys[i] as number)) < 1) {
        hmm += x * x;
        hmb += x;
        hbb += 1;
      }
    });
    const determinant = hmm * hbb - hmb * hmb;
    if (!(determinant > 1e-12 * Math.max(1, hmm * hbb))) break;
    const { dm, db } = meanGradient(best.m, best.b, xs, ys, 'huber', all);
    const n = xs.length;
    const stepM = (n * (hbb * dm - hmb * db)) / determinant;
    const stepB = (n * (hmm * db - hmb * dm)) / determinant;
    const candidate = at(best.m - stepM, best.b - stepB);
    if (!(candidate.loss < best.loss)) break;
    best = candidate;
  }
  return best;
}
