import type { ConfigIssue } from './config-error.js';

/** The largest finite float32, about 3.4e38: tensors hold data as float32. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * The largest |z| the seeded normal draws can reach: Box-Muller with a
 * uniform u1 of at least 2^-53 gives a radius of at most sqrt(-2 ln 2^-53),
 * about 8.57.
 */
export const MAX_NORMAL_DRAW = Math.sqrt(-2 * Math.log(2 ** -53));

/** The fields every experiment's data depends on (the noise and the x range), and its own fields. */
export interface DataScaleConfig {
  readonly sigma: number;
  readonly range: number;
  readonly [field: string]: unknown;
}

/** What the check needs of an experiment: its own fields and a bound on its function. */
export interface DataScale<Config> {
  /** The function's own fields (the line's slope and intercept), blamed when its values overflow. */
  readonly ownFields: readonly { readonly key: string }[];
  /** An upper bound of |truth(x)| for |x| <= `range`; without it only x and the noise are checked. */
  truthBound?(config: Config, range: number): number;
}

function fits(value: number): boolean {
  return Number.isFinite(value) && value <= FLOAT32_MAX;
}

function issue(field: string, value: unknown, what: 'noise' | 'x' | 'y'): ConfigIssue {
  return { field, problem: { code: 'dataTooLarge', what }, value };
}

function magnitude(value: unknown): number {
  if (typeof value === 'number') return Math.abs(value);
  if (Array.isArray(value))
    return value.reduce((most: number, v) => Math.max(most, magnitude(v)), 0);
  return 0;
}

/** The own field with the largest magnitude: the one that makes the function's values huge. */
function largestOwnField(ownFields: DataScale<unknown>['ownFields'], config: object): string {
  const values = config as Record<string, unknown>;
  let largest = ownFields[0]?.key ?? 'range';
  for (const { key } of ownFields) {
    if (magnitude(values[key]) > magnitude(values[largest])) largest = key;
  }
  return largest;
}

/**
 * Whether every point a config can draw is a finite float32 (tensors hold
 * data as float32), so that a config such as `sigma: 1e308` is refused when
 * it is read instead of failing after the data are drawn. Uses bounds, not a
 * draw: x = u + σz with |u| <= range and |z| <= {@link MAX_NORMAL_DRAW},
 * y = f(u) + σz with |f(u)| at most the experiment's `truthBound`. Returns
 * `undefined` when the data fit, otherwise the issue, naming the field most
 * responsible (sigma, range, or the function's own field) and what goes wrong.
 */
export function finiteDataIssue<Config extends DataScaleConfig>(
  experiment: DataScale<Config>,
  config: Config,
): ConfigIssue | undefined {
  const noise = config.sigma * MAX_NORMAL_DRAW;
  if (!fits(noise)) return issue('sigma', config.sigma, 'noise');
  if (!fits(config.range + noise)) return issue('range', config.range, 'x');
  const bound = experiment.truthBound;
  if (bound === undefined || fits(bound(config, config.range) + noise)) return undefined;
  // Still too large on [-1, 1]: the function's own values, not the range, are to blame.
  if (!fits(bound(config, Math.min(1, config.range)) + noise)) {
    const field = largestOwnField(experiment.ownFields, config);
    return issue(field, (config as unknown as Record<string, unknown>)[field], 'y');
  }
  return issue('range', config.range, 'y');
}
