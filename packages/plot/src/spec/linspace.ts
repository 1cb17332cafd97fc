import { ChartInputError } from '../errors.js';

/**
 * `count` evenly spaced numbers from `start` to `stop`, both included, like
 * `torch.linspace` and `numpy.linspace`: the x values at which to evaluate a
 * model for `fitChart`'s curve.
 */
export function linspace(start: number, stop: number, count = 200): number[] {
  if (!Number.isFinite(start)) throw new ChartInputError('start', 'a finite number', start);
  if (!Number.isFinite(stop)) throw new ChartInputError('stop', 'a finite number', stop);
  if (!Number.isInteger(count) || count < 2) {
    throw new ChartInputError('count', 'an integer of at least 2', count);
  }
  const step = (stop - start) / (count - 1);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? stop : start + i * step));
}
