import { type Tensor2D, tf } from '@epochlab/tensor';
import {
  type NoisyPoints,
  type SampleFunctionOptions,
  type SamplePolynomialOptions,
  sampleFunctionPoints,
} from './noisy-points.js';
import { checkCoefficients, polynomial } from './polynomial.js';
import { requireFinite } from './validate.js';

/**
 * Noisy samples of a function (the points, see `NoisyPoints`) with a way to
 * make the `[n, 1]` tensors a dataset needs.
 */
export interface NoisySamples extends NoisyPoints {
  /**
   * New float32 tensors `[x, y]` of shape `[n, 1]` (each value rounded to
   * float32), ready for `new TensorDataset(x, y)`. The caller owns them.
   */
  toTensors(): [Tensor2D, Tensor2D];
}

/** Options of `sampleLine`. */
export interface SampleLineOptions extends Omit<SamplePolynomialOptions, 'coefficients'> {
  /** `m` in y = m x + b. */
  slope: number;
  /** `b` in y = m x + b. */
  intercept: number;
}

/**
 * Noisy samples from a polynomial (the notebook's `get_data_from_a_polynomial`).
 *
 * Draws, all from sub-streams of `random`, each in index order i = 0..n-1:
 * 1. `cleanX[i] = random.stream('x').uniform(-range, range)`;
 * 2. `x[i] = cleanX[i] + random.stream('x-noise').normal(0, sigma)`;
 * 3. `y[i] = truth(cleanX[i]) + random.stream('y-noise').normal(0, sigma)`.
 *
 * The result depends only on the options and `random`'s seed and stream path,
 * not on what was drawn from `random` before (it is not advanced): pass a
 * different stream for each data set, e.g. `root.stream('train')` and
 * `root.stream('validation')`. Because the three streams are independent, the
 * first k samples of n are the k samples of n = k, and `sigma` changes the
 * noise but never where the clean x fall.
 *
 * @example
 * const train = samplePolynomial({
 *   coefficients: [2, 1, 0], n: 100, random: new SeededRandom(7).stream('train'),
 * });
 * const [x, y] = train.toTensors(); // Tensor2D [100, 1] each
 */
export function samplePolynomial(options: SamplePolynomialOptions): NoisySamples {
  const truth = polynomial(checkCoefficients(options.coefficients));
  return sampleFunction(truth, options);
}

/**
 * Noisy samples from the line y = slope x + intercept (the notebook's
 * `get_data_from_a_line`). Same draws as `samplePolynomial`; with the same
 * `random` it gives exactly `samplePolynomial({ coefficients: [slope, intercept] })`.
 *
 * @example
 * const line = sampleLine({ slope: 1, intercept: 0, n: 5, sigma: 0.2, range: 1, random });
 */
export function sampleLine(options: SampleLineOptions): NoisySamples {
  const slope = requireFinite('slope', options.slope);
  const intercept = requireFinite('intercept', options.intercept);
  return sampleFunction(polynomial([slope, intercept]), options);
}

/**
 * Noisy samples of any function of x, with the same draws as
 * `samplePolynomial` (which is `sampleFunction(polynomial(coefficients))`):
 * clean x uniform in `[-range, range]`, normal noise of std `sigma` on x and
 * on y. New experiments bring their own `truth` (a sine, a step...).
 *
 * @example
 * const sine = sampleFunction((x) => Math.sin(3 * x), { n: 20, sigma: 0.1, range: 1, random });
 */
export function sampleFunction(
  truth: (x: number) => number,
  options: SampleFunctionOptions,
): NoisySamples {
  const points = sampleFunctionPoints(truth, options);
  const { n, x, y } = points;
  return {
    ...points,
    toTensors: () => [
      tf.tensor2d(Float32Array.from(x), [n, 1]),
      tf.tensor2d(Float32Array.from(y), [n, 1]),
    ],
  };
}
