import { InvalidArgumentError } from '@epochlab/tensor/errors';
import type { SeededRandom } from '@epochlab/tensor/random';
import { requirePositiveInteger } from './validate.js';

/** Default noise standard deviation, as in the notebook. */
export const DEFAULT_SIGMA = 2;
/** Default half-width of the x interval, as in the notebook. */
export const DEFAULT_RANGE = 50;

/** Names of the sub-streams the samplers draw from, in draw order. */
export const SAMPLE_STREAMS = { x: 'x', xNoise: 'x-noise', yNoise: 'y-noise' } as const;

/**
 * Noisy samples of a function, as plain numbers (double precision), with the
 * function itself: what `sampleFunction` draws, before any tensor is made.
 * This module does not load TensorFlow.js, so a page can draw and plot the
 * points without it.
 */
export interface NoisyPoints {
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

/** Options of `sampleFunction` and `sampleFunctionPoints`: everything `samplePolynomial` takes but the coefficients. */
export type SampleFunctionOptions = Omit<SamplePolynomialOptions, 'coefficients'>;

/**
 * The points `sampleFunction` draws, without the tensors: same options, same
 * draws, same checks (see `samplePolynomial` for the draws).
 *
 * @example
 * const points = sampleFunctionPoints((x) => 2 * x, { n: 5, random: new SeededRandom(1) });
 */
export function sampleFunctionPoints(
  truth: (x: number) => number,
  options: SampleFunctionOptions,
): NoisyPoints {
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

  return { n, sigma, range, x, y, cleanX, cleanY, truth };
}
