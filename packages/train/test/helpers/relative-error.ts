import { expect } from 'vitest';

/** Largest |a - b| over the largest |b| (at least 1e-3): the error relative to the values' scale. */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  expect(actual.length).toBe(expected.length);
  let scale = 1e-3;
  let error = 0;
  for (let k = 0; k < expected.length; k++) {
    scale = Math.max(scale, Math.abs(expected[k] as number));
    error = Math.max(error, Math.abs((actual[k] as number) - (expected[k] as number)));
  }
  return error / scale;
}
