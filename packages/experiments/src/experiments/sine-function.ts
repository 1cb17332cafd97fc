import type { FitFunction } from './fit-function.js';

/** y = a sin(f x): a curve the notebook's MLP must bend twice to follow. */
export const sineFunction = {
  name: 'sine',
  truth: (config) => (x) => config.amplitude * Math.sin(config.frequency * x),
  caption: (config) => `sine y = ${config.amplitude} sin(${config.frequency}x)`,
  truthBound: (config) => Math.abs(config.amplitude),
} as const satisfies FitFunction<
  'sine',
  { readonly amplitude: number; readonly frequency: number }
>;
