import { describe, expect, it } from 'vitest';
import { bandStatistics, meanBand, spreadOf } from '../../src/index.js';

describe('spreadOf', () => {
  it('gives mean, sample standard deviation, min and max', () => {
    // [1, 2, 6]: mean 9/3 = 3; squared deviations 4, 1, 9 -> 14 / (3 - 1) = 7 -> std sqrt(7).
    const spread = spreadOf([1, 2, 6]);
    expect(spread.mean).toBe(3);
    expect(spread.std).toBeCloseTo(2.6457513110645907, 14);
    expect([spread.min, spread.max, spread.count]).toEqual([1, 6, 3]);
  });

  it('gives std 0 for one value and NaN for none', () => {
    expect(spreadOf([4.5])).toEqual({ mean: 4.5, std: 0, min: 4.5, max: 4.5, count: 1 });
    const empty = spreadOf([]);
    expect(empty.count).toBe(0);
    expect([empty.mean, empty.std, empty.min, empty.max].every(Number.isNaN)).toBe(true);
  });
});

describe('bandStatistics', () => {
  it('spreads, for every x, the curves that have it, sorted by x', () => {
    const band = bandStatistics([
      [
        { x: 0, y: 1 },
        { x: 1, y: 2 },
        { x: 2, y: 4 },
        { x: 3, y: 7 },
      ],
      [
        { x: 0, y: 3 },
        { x: 1, y: 6 },
      ],
      [
        { x: 2, y: 2 },
        { x: 0, y: 5 },
      ],
    ]);
    // By hand:
    // x = 0: 1, 3, 5 -> mean 3, deviations 4 + 0 + 4 = 8, / 2 = 4 -> std 2
    // x = 1: 2, 6    -> mean 4, deviations 4 + 4 = 8, / 1 = 8 -> std 2.8284271247461903
    // x = 2: 4, 2    -> mean 3, deviations 1 + 1 = 2, / 1 = 2 -> std 1.4142135623730951
    // x = 3: 7       -> mean 7, std 0
    expect(band.map((point) => point.x)).toEqual([0, 1, 2, 3]);
    expect(band.map((point) => point.mean)).toEqual([3, 4, 3, 7]);
    expect(band.map((point) => point.count)).toEqual([3, 2, 2, 1]);
    expect(band.map((point) => point.min)).toEqual([1, 2, 2, 7]);
    expect(band.map((point) => point.max)).toEqual([5, 6, 4, 7]);
    const stds = [2, Math.sqrt(8), Math.sqrt(2), 0];
    band.forEach((point, k) => {
      expect(point.std).toBeCloseTo(stds[k] as number, 14);
    });
  });

  it('gives no points for no curves', () => {
    expect(bandStatistics([])).toEqual([]);
    expect(bandStatistics([[], []])).toEqual([]);
  });
});

describe('meanBand', () => {
  it('spans one standard deviation either side of the mean when the values allow', () => {
    // Values 2, 4, 4, 6: mean 4, sample std sqrt(8 / 3) = 1.63299..., range 2..6.
    const band = meanBand(spreadOf([2, 4, 4, 6]));
    expect(band.mean).toBe(4);
    expect(band.low).toBeCloseTo(4 - Math.sqrt(8 / 3), 12);
    expect(band.high).toBeCloseTo(4 + Math.sqrt(8 / 3), 12);
  });

  it('stays within the lowest and highest value', () => {
    // Seven runs at 0.2 and one stuck at 1: mean 0.3; squares 7 x 0.1² + 0.7² = 0.56, std sqrt(0.56 / 7)
    // = 0.28284..., so mean - std = 0.017 is below every run.
    const band = meanBand(spreadOf([0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 1]));
    expect(band.low).toBe(0.2);
    expect(band.high).toBeCloseTo(0.3 + Math.sqrt(0.56 / 7), 12);
  });
});
