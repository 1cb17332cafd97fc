import { sampleFunctionPoints } from '@epochlab/data';
import { SeededRandom } from '@epochlab/tensor/random';
import type { SinePoints } from './sine-fit.js';

/** The frequency of the sine the study's points come from. */
export const TRUE_FREQUENCY = 3;
/** The amplitude of the sine the study's points come from. */
export const TRUE_AMPLITUDE = 1;

/**
 * The study's training points: `n` noisy points of y = sin(3x), drawn as the
 * sine experiment draws them (`sampleFunctionPoints` on the `train` stream of
 * `seed`: x uniform in [-range, range], normal noise of std `sigma` on x and
 * y), rounded to float32 so that every JavaScript engine fits the same numbers.
 */
export function localMinimaPoints(config: {
  readonly n: number;
  readonly sigma: number;
  readonly range: number;
  readonly seed: number;
}): SinePoints & { readonly xs: number[]; readonly ys: number[] } {
  const samples = sampleFunctionPoints((x) => TRUE_AMPLITUDE * Math.sin(TRUE_FREQUENCY * x), {
    n: config.n,
    sigma: config.sigma,
    range: config.range,
    random: new SeededRandom(config.seed).stream('train'),
  });
  return { xs: samples.x.map(Math.fround), ys: samples.y.map(Math.fround) };
}
