import { polynomial } from '@epochlab/data';
import type { FitFunction } from './fit-function.js';

/** The notebook's first experiment's function: y = slope * x + intercept. */
export const lineFunction = {
  name: 'line',
  truth: (config) => polynomial([config.slope, config.intercept]),
  caption: (config) => `line y = ${config.slope}x + ${config.intercept}`,
  truthBound: (config, range) => Math.abs(config.slope) * range + Math.abs(config.intercept),
} as const satisfies FitFunction<'line', { readonly slope: number; readonly intercept: number }>;
