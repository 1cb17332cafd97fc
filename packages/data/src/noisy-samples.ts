import { InvalidArgumentError, type SeededRandom, type Tensor2D, tf } from '@epochlab/tensor';
import { checkCoefficients, polynomial } from './polynomial.js';
import { requireFinite, requirePositiveInteger } from './validate.js';

/** Default noise standard deviation, as in the notebook. */
export const DEFAULT_SIGMA = 2;
/** Default half-width of the x interval, as in the notebook. */
export const DEFAULT_RANGE = 50;

/** Names of the sub-streams the samplers draw from, in draw order. */
export const SAMPLE_STREAMS = { x: 'x', xNoise: 'x-noise', yNoise: 'y-noise' } as const;

/**
 * Noisy samples of a function, as plain numbers (double precision), with the
 * function itself and a way to make the `[n, 1]` tensors a dataset needs.
 */
export interface NoisySamples {
  /** How many samples. */
  readonly n: number;
  /** Noise standard deviation used. */
  readonly sigma: number;
  /** Half-width of the interval the clean x were drawn from, `[-range, range]`. */
  readonly range: number;
  /** Noisy inputs: `cleanX[i] + noise`. */
  readonly x: number[];
  /** Noisy outputs: `truth(cleanX[i]) + noise`. */
  readonly y: number[];
  /** The x drawn uniformly from `[-range, range]`, before noise. */
  readonly cleanX: number[];
  /** `truth(cleanX[i])`, before noise. */
  readonly cleanY: number[];
  /** The noise-free function (for plotting the true curve). */
  readonly truth: (x: number) => number;
  /**
   * New float32 tensors `[x, y]` of shape `[n, 1]` (each value rounded to
   * float32), ready for `new TensorDataset(x, y)`. The caller owns them.
   */
  toTensors(): [Tensor2D, Tensor2D];
}

/** Options of `samplePolynomial`. */
export interface SamplePolynomialOptions {
  /** Coefficients, highest degree first: `[2, 1, 0]` is 2x^2 + x. */
  coefficients: readonly number[];
  /** Number of samples, a whole number >= 1. */
  n: number;
  /** Standard deviation of the noise added to x and to y, >= 0 (default 2). */
  sigma?: number;
  /** Clean x are drawn from `[-range, range]`, range > 0 (default 50). */
  range?: number;
  /** Where the randomness comes from; see `samplePolynomial` for the draws. */
  random: SeededRandom;
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

/** Options of `sampleFunction`: everything `samplePolynomial` takes but the coefficients. */
export type SampleFunctionOptions = Omit<SamplePolynomialOptions, 'coefficients'>;

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
  const n = requirePositiveInteger('n', options.n);
  const sigma = options.sigma ?? DEFAULT_SIGMA;
  if (typeof sigma !== 'number' || !Number.isFinite(sigma) || sigma < 0) {
    throw new InvalidArgumentError('sigma', 'a finite number >= 0', sigma);
  }
  const range = options.range ?? DEFAULT_RANGE;
  if (typeof range !== 'number' || !Number.isFinite(range) || range <= 0) {
    throw new InvalidArgumentError('range', 'a finite number > 0', range);
  }
  const random = options.random;
  if (typeof (random as Partial<SeededRandom> | undefined)?.stream !== 'function') {
    throw new InvalidArgumentError('random', 'a SeededRandom from @epochlab/tensor', random);
  }

  const xStream = random.stream(SAMPLE_STREAMS.x);
  const xNoise = random.stream(SAMPLE_STREAMS.xNoise);
  const yNoise = random.stream(SAMPLE_STREAMS.yNoise);
  const cleanX = new Array<number>(n);
  const cleanY = new Array<number>(n);
  const x = new Array<number>(n);
  const y = new Array<number>(n);
  for (let i = 0; i < n; i++) cleanX[i] = xStream.uniform(-range, range);
  for (let i = 0; i < n; i++) x[i] = (cleanX[i] as number) + xNoise.normal(0, sigma);
  for (let i = 0; i < n; i++) {
    const clean = truth(cleanX[i] as number);
    cleanY[i] = clean;
    y[i] = clean + yNoise.normal(0, sigma);
  }

  return {
    n,
    sigma,
    range,
    x,
    y,
    cleanX,
    cleanY,
    truth,
    toTensors: () => [
      tf.tensor2d(Float32Array.from(x), [n, 1]),
      tf.tensor2d(Float32Array.from(y), [n, 1]),
    ],
  };
}
