import { type NoisyPoints, sampleFunctionPoints } from '@epochlab/data';
import type { SeededRandom } from '@epochlab/tensor';

/** The config fields every drawn-data experiment's points depend on, besides its own. */
export interface DrawnDataConfig {
  readonly sigma: number;
  readonly range: number;
}

/**
 * The function a drawn-data experiment fits, apart from its config fields and
 * their validation: what drawing its points needs. A sweep's worker threads
 * draw each run's points from it and so never load the config schemas (zod),
 * whose start-up each thread would pay before its first batch.
 */
export interface FitFunction<Name extends string = string, Config = never> {
  /** The experiment's name (`experiment` in configs). */
  readonly name: Name;
  /** The noise-free function of x. */
  truth(config: Config): (x: number) => number;
  /** The function in a few words, for chart titles: `line y = 1x + 0`. */
  caption(config: Config): string;
  /**
   * An upper bound of |truth(x)| for |x| <= `range`, so that a config whose
   * data would overflow float32 is refused when it is read (`finiteDataIssue`);
   * without it only x and the noise are checked.
   */
  truthBound?(config: Config, range: number): number;
  /** The points; default: `truth` at x uniform in [-range, range], noise of std sigma on x and y. */
  data?(config: Config, n: number, random: SeededRandom): NoisyPoints;
}

/**
 * `n` noisy points of one data set drawn from `random`: the function's own
 * `data`, or `truth` at x uniform in [-range, range] with noise of std `sigma`
 * on x and y.
 */
export function drawFitPoints<Config extends DrawnDataConfig>(
  fit: FitFunction<string, Config>,
  config: Config,
  n: number,
  random: SeededRandom,
): NoisyPoints {
  if (fit.data) return fit.data(config, n, random);
  return sampleFunctionPoints(fit.truth(config), {
    n,
    sigma: config.sigma,
    range: config.range,
    random,
  });
}
