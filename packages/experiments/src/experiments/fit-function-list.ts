import type { DrawnDataConfig, FitFunction } from './fit-function.js';
import { lineFunction } from './line-function.js';
import { polynomialFunction } from './polynomial-function.js';
import { sineFunction } from './sine-function.js';

/**
 * The functions of the drawn-data experiments, in `FIT_EXPERIMENTS` order (a
 * test holds the two lists together): each definition in `EXPERIMENTS` is
 * built from its function here. Code that only draws points (a sweep's worker
 * thread) reads this list, which loads no config schema.
 */
export const FIT_FUNCTIONS = [lineFunction, polynomialFunction, sineFunction] as const;

/**
 * The function of a validated config's experiment, typed for any config. Every
 * validated drawn-data config names an entry of `FIT_FUNCTIONS`.
 */
export function fitFunctionOf<Config extends DrawnDataConfig & { readonly experiment: string }>(
  config: Config,
): FitFunction<string, Config> {
  const fit = FIT_FUNCTIONS.find((candidate) => candidate.name === config.experiment);
  if (fit === undefined) throw new Error(`no drawn-data experiment is named ${config.experiment}`);
  return fit as unknown as FitFunction<string, Config>;
}
