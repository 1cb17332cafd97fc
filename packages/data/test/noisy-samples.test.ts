import { countTensors, SeededRandom } from '@epochlab/tensor';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RANGE,
  DEFAULT_SIGMA,
  sampleFunctionPoints,
  sampleLine,
  samplePolynomial,
} from '../src/index.js';
import { BACKENDS, expectInvalid, useBackend, values } from './helpers.js';

function mean(xs: readonly number[]): number {
  return xs.reduce((sum, v) => sum + v, 0) / xs.length;
}

function std(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((sum, v) => sum + (v - m) ** 2, 0) / (xs.length - 1));
}

function correlation(a: readonly number[], b: readonly number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    ab += da * db;
    aa += da * da;
    bb += db * db;
  }
  return ab / Math.sqrt(aa * bb);
}

const random = (seed: number, name = 'train') => new SeededRandom(seed).stream(name);

describe('sampleLine', () => {
  it('with sigma = 0 lies exactly on y = m x + b', () => {
    const line = sampleLine({ slope: 3, intercept: -2, n: 1000, sigma: 0, random: random(1) });
    for (let i = 0; i < line.n; i++) {
      const x = line.x[i] as number;
      expect(x).toBe(line.cleanX[i]);
      expect(line.y[i]).toBe(3 * x - 2);
      expect(line.truth(x)).toBe(3 * x - 2);
    }
  });

  it("uses the notebook's defaults: sigma 2, range 50", () => {
    const line = sampleLine({ slope: 1, intercept: 0, n: 10, random: random(2) });
    expect(DEFAULT_SIGMA).toBe(2);
    expect(DEFAULT_RANGE).toBe(50);
    expect(line.sigma).toBe(2);
    expect(line.range).toBe(50);
  });

  it('is the polynomial [slope, intercept], draw for draw', () => {
    const line = sampleLine({
      slope: 1.5,
      intercept: 4,
      n: 50,
      sigma: 1,
      range: 3,
      random: random(3),
    });
    const poly = samplePolynomial({
      coefficients: [1.5, 4],
      n: 50,
      sigma: 1,
      range: 3,
      random: random(3),
    });
    expect(line.x).toEqual(poly.x);
    expect(line.y).toEqual(poly.y);
  });
});

describe('samplePolynomial statistics (n = 100000, sigma = 2, range = 50)', () => {
  // Tolerances are 5 standard errors of each statistic for n independent draws:
  // mean of N(0, s^2): s / sqrt(n); sample std of N(0, s^2): about s / sqrt(2 (n - 1));
  // correlation of independent samples: 1 / sqrt(n); mean of U(-r, r): r / sqrt(3 n).
  const n = 100_000;
  const sigma = 2;
  const range = 50;
  const data = samplePolynomial({ coefficients: [2, 1, 0], n, sigma, range, random: random(4) });
  const noiseX = data.x.map((x, i) => x - (data.cleanX[i] as number));
  const noiseY = data.y.map((y, i) => y - (data.cleanY[i] as number));

  it('keeps x within [-range, range] before noise, and covers it', () => {
    expect(Math.min(...data.cleanX)).toBeGreaterThanOrEqual(-range);
    expect(Math.max(...data.cleanX)).toBeLessThanOrEqual(range);
    // P(no draw in the outer 0.1% of one side) = (1 - 0.001)^n ~ e^-100.
    expect(Math.min(...data.cleanX)).toBeLessThan(-range * 0.998);
    expect(Math.max(...data.cleanX)).toBeGreaterThan(range * 0.998);
    expect(Math.abs(mean(data.cleanX))).toBeLessThan((5 * range) / Math.sqrt(3 * n));
  });

  it('computes y from the clean x', () => {
    for (let i = 0; i < 100; i++) {
      const x = data.cleanX[i] as number;
      expect(data.cleanY[i]).toBe(data.truth(x));
      expect(data.truth(x)).toBeCloseTo(2 * x * x + x, 9);
    }
  });

  it('adds noise of mean ~0 and std ~sigma to x and to y', () => {
    for (const noise of [noiseX, noiseY]) {
      expect(Math.abs(mean(noise))).toBeLessThan((5 * sigma) / Math.sqrt(n));
      expect(Math.abs(std(noise) - sigma)).toBeLessThan((5 * sigma) / Math.sqrt(2 * (n - 1)));
    }
  });

  it('draws the x noise and the y noise independently', () => {
    expect(Math.abs(correlation(noiseX, noiseY))).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(correlation(data.cleanX, noiseX))).toBeLessThan(5 / Math.sqrt(n));
  });
});

describe('samplePolynomial draws', () => {
  it('follow the documented order: x uniforms, x noise, y noise, each from its sub-stream', () => {
    const n = 7;
    const data = samplePolynomial({
      coefficients: [1, -1, 2],
      n,
      sigma: 0.5,
      range: 3,
      random: random(5),
    });
    const source = random(5);
    const cleanX = Array.from(source.stream('x').uniforms(n, -3, 3));
    const xNoise = Array.from(source.stream('x-noise').normals(n, 0, 0.5));
    const yNoise = Array.from(source.stream('y-noise').normals(n, 0, 0.5));
    expect(data.cleanX).toEqual(cleanX);
    expect(data.x).toEqual(cleanX.map((x, i) => x + (xNoise[i] as number)));
    expect(data.y).toEqual(cleanX.map((x, i) => (x - 1) * x + 2 + (yNoise[i] as number)));
  });

  it('are reproducible, differ by seed and stream, and the first k of n are the k of n = k', () => {
    const options = { coefficients: [1, 0], sigma: 1, range: 10 };
    const a = samplePolynomial({ ...options, n: 20, random: random(6) });
    const b = samplePolynomial({ ...options, n: 20, random: random(6) });
    const c = samplePolynomial({ ...options, n: 20, random: random(7) });
    const d = samplePolynomial({ ...options, n: 20, random: random(6, 'validation') });
    const short = samplePolynomial({ ...options, n: 5, random: random(6) });
    expect(b.x).toEqual(a.x);
    expect(b.y).toEqual(a.y);
    expect(c.x).not.toEqual(a.x);
    expect(d.x).not.toEqual(a.x);
    expect(short.x).toEqual(a.x.slice(0, 5));
    expect(short.y).toEqual(a.y.slice(0, 5));
  });

  it('does not move the clean x when sigma changes', () => {
    const quiet = sampleLine({ slope: 1, intercept: 0, n: 10, sigma: 0, random: random(8) });
    const noisy = sampleLine({ slope: 1, intercept: 0, n: 10, sigma: 5, random: random(8) });
    expect(noisy.cleanX).toEqual(quiet.cleanX);
    expect(noisy.x).not.toEqual(quiet.x);
  });
});

describe('sampleFunctionPoints', () => {
  it('draws what samplePolynomial draws, as plain numbers without tensors', () => {
    const options = { n: 9, sigma: 0.7, range: 4 };
    const points = sampleFunctionPoints((x) => 3 * x * x - 2, { ...options, random: random(11) });
    const samples = samplePolynomial({ ...options, coefficients: [3, 0, -2], random: random(11) });
    expect(points.x).toEqual(samples.x);
    expect(points.y).toEqual(samples.y);
    expect(points.cleanX).toEqual(samples.cleanX);
    expect(points.cleanY).toEqual(samples.cleanY);
    expect([points.n, points.sigma, points.range]).toEqual([9, 0.7, 4]);
    expect('toTensors' in points).toBe(false);
  });

  it('refuses the same bad options, naming the field', () => {
    expectInvalid(() => sampleFunctionPoints((x) => x, { n: 0, random: random(1) }), 'n');
    expectInvalid(
      () => sampleFunctionPoints((x) => x, { n: 3, sigma: -1, random: random(1) }),
      'sigma',
    );
  });
});

describe.each(BACKENDS)('toTensors on %s', (backend) => {
  useBackend(backend);

  it('gives float32 [n, 1] tensors of the plain numbers, owned by the caller', () => {
    const before = countTensors();
    const data = sampleLine({ slope: 2, intercept: 1, n: 6, random: random(9) });
    const [x, y] = data.toTensors();
    expect(x.shape).toEqual([6, 1]);
    expect(y.shape).toEqual([6, 1]);
    expect(x.dtype).toBe('float32');
    expect(values(x)).toEqual(data.x.map(Math.fround));
    expect(values(y)).toEqual(data.y.map(Math.fround));
    expect(countTensors()).toBe(before + 2);
    x.dispose();
    y.dispose();
    expect(countTensors()).toBe(before);
  });
});

describe('bad input', () => {
  const base = { slope: 1, intercept: 0, n: 10, random: random(0) };

  it('names n when it is not a whole number >= 1', () => {
    for (const n of [0, -3, 2.5, Number.NaN, Number.POSITIVE_INFINITY, '10']) {
      expectInvalid(() => sampleLine({ ...base, n: n as number }), 'n');
      expectInvalid(
        () => samplePolynomial({ coefficients: [1], n: n as number, random: random(0) }),
        'n',
      );
    }
  });

  it('names sigma when it is negative or not finite', () => {
    for (const sigma of [-0.1, -2, Number.NaN, Number.POSITIVE_INFINITY]) {
      expectInvalid(() => sampleLine({ ...base, sigma }), 'sigma');
    }
  });

  it('names range when it is <= 0 or not finite', () => {
    for (const range of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expectInvalid(() => sampleLine({ ...base, range }), 'range');
    }
  });

  it('names coefficients, slope, intercept and random', () => {
    expectInvalid(
      () => samplePolynomial({ coefficients: [], n: 3, random: random(0) }),
      'coefficients',
    );
    expectInvalid(
      () => samplePolynomial({ coefficients: [1, Number.NaN], n: 3, random: random(0) }),
      'coefficients',
    );
    expectInvalid(() => sampleLine({ ...base, slope: Number.NaN }), 'slope');
    expectInvalid(() => sampleLine({ ...base, intercept: Number.NEGATIVE_INFINITY }), 'intercept');
    expectInvalid(() => sampleLine({ ...base, random: 42 as unknown as SeededRandom }), 'random');
  });
});
