import { describe, expect, it } from 'vitest';
import { ChartInputError } from '../src/errors.js';
import { reduceSeries } from '../src/spec/reduce-series.js';

/** Park–Miller generator: deterministic noise for the tests. */
function noise(seed: number) {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647 - 0.5;
  };
}

function noisyDecay(count: number, seed = 1) {
  const next = noise(seed);
  return Array.from({ length: count }, (_, i) => ({
    x: i,
    y: Math.exp(-i / (count / 5)) + 0.05 * next(),
  }));
}

const minimumOf = (points: { y: number }[]) => Math.min(...points.map((p) => p.y));
const maximumOf = (points: { y: number }[]) => Math.max(...points.map((p) => p.y));

describe('reduceSeries', () => {
  it('keeps the first, last, minimum and maximum points and stays within the budget', () => {
    for (const [count, budget] of [
      [20_000, 1280],
      [20_000, 4],
      [20_000, 5],
      [2000, 1000],
      [1001, 1000],
      [333, 17],
    ] as const) {
      const points = noisyDecay(count, count + budget);
      // Put the extremes somewhere in the middle so they are not the first or last point.
      const low = Math.floor(count * 0.37);
      const high = Math.floor(count * 0.61);
      (points[low] as { y: number }).y = -5;
      (points[high] as { y: number }).y = 5;

      const reduced = reduceSeries(points, budget);

      expect(reduced.length).toBeLessThanOrEqual(budget);
      expect(reduced[0]).toBe(points[0]);
      expect(reduced.at(-1)).toBe(points.at(-1));
      expect(reduced).toContain(points[low]);
      expect(reduced).toContain(points[high]);
      expect(minimumOf(reduced)).toBe(-5);
      expect(maximumOf(reduced)).toBe(5);
      // Original order is kept.
      for (let i = 1; i < reduced.length; i++) {
        expect((reduced[i] as { x: number }).x).toBeGreaterThan(
          (reduced[i - 1] as { x: number }).x,
        );
      }
    }
  });

  it('keeps the envelope: every column of the budget holds that column’s min and max', () => {
    const points = noisyDecay(10_000, 3);
    const budget = 202; // 100 columns of 100 points each (x from 0 to 9999)
    const reduced = reduceSeries(points, budget);
    const span = 9999;
    for (let column = 0; column < 100; column++) {
      const inColumn = (p: { x: number }) =>
        p.x > 0 && p.x < span && Math.min(99, Math.floor((p.x / span) * 100)) === column;
      const original = points.filter(inColumn);
      const kept = reduced.filter(inColumn);
      expect(minimumOf(kept)).toBe(minimumOf(original));
      expect(maximumOf(kept)).toBe(maximumOf(original));
    }
  });

  it('returns a copy of a series that already fits, and never changes its input', () => {
    const points = noisyDecay(50);
    const snapshot = structuredClone(points);
    const same = reduceSeries(points, 50);
    expect(same).toEqual(points);
    expect(same).not.toBe(points);
    reduceSeries(Object.freeze(points.slice()), 10);
    expect(points).toEqual(snapshot);
  });

  it('buckets by x, so uneven spacing still keeps a lone spike', () => {
    // Dense points on [0, 1], then sparse on [1, 100] with one spike at x = 50.
    const dense = Array.from({ length: 5000 }, (_, i) => ({ x: i / 5000, y: 1 }));
    const sparse = Array.from({ length: 100 }, (_, i) => ({ x: 1 + i, y: i === 49 ? 9 : 1 }));
    const reduced = reduceSeries([...dense, ...sparse], 40);
    expect(reduced.length).toBeLessThanOrEqual(40);
    expect(reduced.some((p) => p.y === 9)).toBe(true);
  });

  it('rejects budgets below 4, non-finite coordinates and decreasing x', () => {
    const points = noisyDecay(10);
    expect(() => reduceSeries(points, 3)).toThrow(ChartInputError);
    expect(() => reduceSeries(points, 10.5)).toThrow(/maxPoints must be an integer of at least 4/);
    const withNaN = [...points];
    withNaN[4] = { x: 4, y: Number.NaN };
    expect(() => reduceSeries(withNaN, 4)).toThrow(/points\[4\]\.y/);
    const unordered = [...points];
    unordered[6] = { x: 1, y: 0 };
    try {
      reduceSeries(unordered, 4);
      expect.unreachable();
    } catch (error) {
      expect(ChartInputError.isInstance(error)).toBe(true);
      expect((error as ChartInputError).field).toBe('points[6].x');
    }
  });
});
