import { polynomial } from '@epochlab/data';
import type { FitFunction } from './fit-function.js';

/** The notebook's polynomial, coefficients highest degree first. */
export const polynomialFunction = {
  name: 'polynomial',
  truth: (config) => polynomial(config.coefficients),
  caption: (config) => `polynomial [${config.coefficients.join(', ')}]`,
  // Horner's rule on |c_k| and range: the sum of |c_k| range^k bounds |p(x)| for |x| <= range.
  truthBound: (config, range) =>
    config.coefficients.reduce((bound, c) => bound * range + Math.abs(c), 0),
} as const satisfies FitFunction<'polynomial', { readonly coefficients: readonly number[] }>;
