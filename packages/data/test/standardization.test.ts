import { describe, expect, it } from 'vitest';
import { fitColumnScaling, scaleColumns, unscaleColumns } from '../src/index.js';
import { expectInvalid } from './helpers.js';

describe('fitColumnScaling', () => {
  it('gives each column its mean and population standard deviation (hand-computed)', () => {
    // Column a: 1, 2, 3, 6 -> mean 3, squared deviations 4 + 1 + 0 + 9 = 14, std sqrt(14 / 4).
    // Column b: 10, 10, 10, 10 -> mean 10, std 0 -> 1.
    const scaling = fitColumnScaling([1, 10, 2, 10, 3, 10, 6, 10], 2);
    expect(scaling.mean).toEqual([3, 10]);
    expect(scaling.std[0]).toBeCloseTo(Math.sqrt(3.5), 14);
    expect(scaling.std[1]).toBe(1);
  });

  it('matches numpy.std (ddof 0) on another column', () => {
    // numpy: np.std([-2, 0, 5]) = 2.943920288775949, np.mean = 1.
    const scaling = fitColumnScaling([-2, 0, 5], 1);
    expect(scaling.mean[0]).toBeCloseTo(1, 14);
    expect(scaling.std[0]).toBeCloseTo(2.943920288775949, 14);
  });

  it('scales to mean 0, std 1 and back', () => {
    const values = [1, 2, 3, 6];
    const scaling = fitColumnScaling(values, 1);
    const scaled = scaleColumns(values, scaling);
    expect(scaled[3]).toBeCloseTo(3 / Math.sqrt(3.5), 6);
    expect(
      Array.from(unscaleColumns(scaled, scaling)).map((v) => Math.round(v * 1e5) / 1e5),
    ).toEqual(values);
  });

  it('refuses a width that does not divide the values', () => {
    expectInvalid(() => fitColumnScaling([1, 2, 3], 2), 'width');
    expectInvalid(() => fitColumnScaling([], 1), 'values');
  });
});
