import type { ConfigIssue } from './config-error.js';

/** The largest finite float32, about 3.4e38: tensors hold data as float32. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * The largest |z| the seeded normal draws can reach: Box-Muller with a
 * uniform u1 of at least 2^-53 gives a radius of at most sqrt(-2 ln 2^-53),
 * about 8.57.
 */
export const MAX_NORMAL_DRAW = Math.sqrt(-2 * Math.log(2 ** -53));

/** The fields of a line or polynomial config that set the size of its data. */
export type DataScaleConfig = { readonly sigma: number; readonly range: number } & (
  | { readonly experiment: 'line'; readonly slope: number; readonly intercept: number }
  | { readonly experiment: 'polynomial'; readonly coefficients: readonly number[] }
);

/** The polynomial's coefficients, highest degree first (a line is [slope, intercept]). */
function coefficientsOf(config: DataScaleConfig): readonly number[] {
  return config.experiment === 'line' ? [config.slope, config.intercept] : config.coefficients;
}

/** An upper bound of |p(x)| for |x| <= range: the sum of |c_k| range^k. */
function polynomialBound(coefficients: readonly number[], range: number): number {
  let bound = 0;
  for (const c of coefficients) bound = bound * range + Math.abs(c);
  return bound;
}

function fits(value: number): boolean {
  return Number.isFinite(value) && value <= FLOAT32_MAX;
}

function issue(field: string, value: unknown, what: string): ConfigIssue {
  return {
    field,
    problem: `is too large: ${what} could exceed the largest float32 (about 3.4e38), and training would see infinities`,
    value,
  };
}

/**
 * Whether every point a line or polynomial config can draw is a finite
 * float32 (tensors hold data as float32), so that a config such as
 * `sigma: 1e308` is refused when it is read instead of failing after the data
 * are drawn. Uses bounds, not a draw: x = u + σz with |u| <= range and
 * |z| <= {@link MAX_NORMAL_DRAW}, y = p(u) + σz with |p(u)| at most the sum of
 * |c_k| range^k. Returns `undefined` when the data fit, otherwise the issue,
 * naming the field most responsible (sigma, range, or the function's
 * coefficients) and what goes wrong.
 */
export function finiteDataIssue(config: DataScaleConfig): ConfigIssue | undefined {
  const noise = config.sigma * MAX_NORMAL_DRAW;
  if (!fits(noise)) return issue('sigma', config.sigma, 'the noise');
  if (!fits(config.range + noise)) return issue('range', config.range, 'the x values');
  const coefficients = coefficientsOf(config);
  if (fits(polynomialBound(coefficients, config.range) + noise)) return undefined;
  if (!fits(polynomialBound(coefficients, Math.min(1, config.range)) + noise)) {
    if (config.experiment === 'polynomial') {
      return issue('coefficients', config.coefficients, 'the y values');
    }
    const field = Math.abs(config.slope) >= Math.abs(config.intercept) ? 'slope' : 'intercept';
    return issue(field, config[field], 'the y values');
  }
  return issue('range', config.range, 'the y values');
}
