/**
 * The two-parameter model of the local-minima study, y = a sin(w x), fitted
 * to points (xs[i], ys[i]) by the mean squared error. Two weights keep the
 * whole loss surface drawable and the gradient a formula, and the sine makes
 * that surface a row of valleys, one per frequency the points half fit.
 */

/** A point of the (w, a) plane: frequency `w` and amplitude `a` of y = a sin(w x). */
export interface SineWeights {
  readonly w: number;
  readonly a: number;
}

/** The gradient of the loss at a point of the (w, a) plane. */
export interface SineGradient {
  readonly dw: number;
  readonly da: number;
}

/** The training points, as plain numbers. */
export interface SinePoints {
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
}

/**
 * `L(w, a) = (1/n) sum_i (a sin(w x_i) - y_i)^2` over all the points: PyTorch's
 * `MSELoss` with its mean reduction.
 */
export function sineFitLoss(w: number, a: number, points: SinePoints): number {
  const { xs, ys } = points;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) {
    const e = a * Math.sin(w * (xs[i] as number)) - (ys[i] as number);
    sum += e * e;
  }
  return sum / xs.length;
}

/**
 * The exact gradient of the mean squared error over the points `batch` (all of
 * them when left out), from e_i = a sin(w x_i) - y_i:
 * `dL/dw = (2/B) sum_i e_i a x_i cos(w x_i)` and `dL/da = (2/B) sum_i e_i sin(w x_i)`.
 * Summed in the order of `batch`.
 */
export function sineFitGradient(
  w: number,
  a: number,
  points: SinePoints,
  batch?: ArrayLike<number>,
): SineGradient {
  const { xs, ys } = points;
  const count = batch ? batch.length : xs.length;
  let dw = 0;
  let da = 0;
  for (let k = 0; k < count; k++) {
    const i = batch ? (batch[k] as number) : k;
    const x = xs[i] as number;
    const sine = Math.sin(w * x);
    const e = a * sine - (ys[i] as number);
    dw += e * a * x * Math.cos(w * x);
    da += e * sine;
  }
  return { dw: (2 * dw) / count, da: (2 * da) / count };
}

/**
 * The lowest loss over a at a fixed w, and the a that reaches it. For a fixed
 * w the loss is a parabola in a, so the best amplitude is the least-squares
 * one, `a*(w) = sum s_i y_i / sum s_i^2` with s_i = sin(w x_i), and the
 * profile is `L(w, a*(w))`. At a w where every s_i is 0 (w = 0) the loss does
 * not depend on a and a* is 0.
 */
export function bestAmplitude(w: number, points: SinePoints): { a: number; loss: number } {
  const { xs, ys } = points;
  let sy = 0;
  let ss = 0;
  for (let i = 0; i < xs.length; i++) {
    const s = Math.sin(w * (xs[i] as number));
    sy += s * (ys[i] as number);
    ss += s * s;
  }
  const a = ss > 0 ? sy / ss : 0;
  return { a, loss: sineFitLoss(w, a, points) };
}
