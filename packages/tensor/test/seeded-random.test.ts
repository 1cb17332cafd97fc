import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, SeededRandom } from '../dist/node.js';
import knownAnswers from './reference/known-answers.json' with { type: 'json' };

/** Mean and (population) variance of a sample. */
function moments(values: ArrayLike<number>): { mean: number; variance: number } {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  const mean = sum / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += ((values[i] as number) - mean) ** 2;
  return { mean, variance: squares / values.length };
}

describe('SeededRandom', () => {
  it('matches the independent Python reference (test/reference/seeded_random_reference.py)', () => {
    const bits = new SeededRandom(knownAnswers.seed);
    expect(knownAnswers.uint32.map(() => bits.nextUint32())).toEqual(knownAnswers.uint32);

    const uniform = new SeededRandom(knownAnswers.seed);
    expect(knownAnswers.uniform.map(() => uniform.uniform())).toEqual(knownAnswers.uniform);

    // Normals go through Math.log/cos/sin, which may differ from Python's libm
    // in the last bit; everything before them is exact.
    const normal = new SeededRandom(knownAnswers.seed);
    for (const expected of knownAnswers.normal) {
      expect(normal.normal()).toBeCloseTo(expected, 14);
    }

    expect(Array.from(new SeededRandom(knownAnswers.seed).permutation(10))).toEqual(
      knownAnswers.permutation10,
    );
    expect(new SeededRandom(knownAnswers.seed).stream('data').uniform()).toBe(
      knownAnswers.dataStreamUniform,
    );
    expect(new SeededRandom(knownAnswers.seed).stream('shuffle').stream('epoch-3').uniform()).toBe(
      knownAnswers.nestedStreamUniform,
    );
  });

  it('repeats the same sequence for the same seed', () => {
    const a = new SeededRandom(7);
    const b = new SeededRandom(7);
    expect(Array.from(a.uniforms(50))).toEqual(Array.from(b.uniforms(50)));
    expect(Array.from(a.normals(50))).toEqual(Array.from(b.normals(50)));
  });

  it('gives different sequences for different seeds and different stream names', () => {
    const root = Array.from(new SeededRandom(1).uniforms(20));
    expect(Array.from(new SeededRandom(2).uniforms(20))).not.toEqual(root);
    const data = Array.from(new SeededRandom(1).stream('data').uniforms(20));
    const validation = Array.from(new SeededRandom(1).stream('validation').uniforms(20));
    expect(data).not.toEqual(root);
    expect(validation).not.toEqual(data);
  });

  it('keeps a stream unchanged when other streams are used', () => {
    const alone = new SeededRandom(3).stream('data').uniforms(10);
    const root = new SeededRandom(3);
    root.stream('validation').uniforms(1000);
    root.uniforms(1000);
    expect(Array.from(root.stream('data').uniforms(10))).toEqual(Array.from(alone));
  });

  it('draws permutations that hold every index exactly once', () => {
    const random = new SeededRandom(11);
    for (const n of [0, 1, 2, 10, 1000]) {
      const order = Array.from(random.permutation(n));
      expect(order.slice().sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it('shuffles uniformly: each value lands in each slot about equally often', () => {
    // 3! = 6 orders; 60000 draws give 10000 expected each, standard deviation ~91.
    const random = new SeededRandom(5);
    const counts = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const key = Array.from(random.permutation(3)).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('has the moments of U(0, 1) and N(0, 1) over 100000 draws', () => {
    const n = 100_000;
    const random = new SeededRandom(123);
    const u = moments(random.uniforms(n));
    // U(0,1): mean 1/2, variance 1/12. Standard error of the mean: sqrt(1/12/n) ~ 0.0009;
    // tolerances are 5 standard errors.
    expect(Math.abs(u.mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(u.variance - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / n));
    const z = moments(random.normals(n));
    // N(0,1): mean 0 (se 1/sqrt(n)), variance 1 (se sqrt(2/n)).
    expect(Math.abs(z.mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(z.variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it('scales uniforms and normals to the requested range, mean and spread', () => {
    const random = new SeededRandom(9);
    const values = random.uniforms(10_000, -50, 50);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(-50);
    expect(Math.max(...values)).toBeLessThan(50);
    const z = moments(random.normals(100_000, 3, 0.2));
    expect(Math.abs(z.mean - 3)).toBeLessThan(5 * (0.2 / Math.sqrt(100_000)));
    expect(Math.abs(Math.sqrt(z.variance) - 0.2)).toBeLessThan(0.005);
  });

  it('draws integers in [low, high) covering the whole range', () => {
    const random = new SeededRandom(4);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const value = random.integer(-3, 4);
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(-3);
      expect(value).toBeLessThan(4);
      seen.add(value);
    }
    expect(seen.size).toBe(7);
  });

  it('rejects seeds that are not whole numbers in [0, 2^32 - 1]', () => {
    for (const seed of [-1, 1.5, 2 ** 32, Number.NaN]) {
      expect(() => new SeededRandom(seed)).toThrowError(InvalidArgumentError);
    }
    expect(() => new SeededRandom(-1)).toThrowError(
      /seed must be a whole number from 0 to 4294967295/,
    );
    expect(() => new SeededRandom(1).integer(3, 3)).toThrowError(InvalidArgumentError);
    expect(() => new SeededRandom(1).stream('')).toThrowError(InvalidArgumentError);
  });
});
