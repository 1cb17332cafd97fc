import { initBackend, SeededRandom } from '@epochlab/tensor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMlp, type Mlp, type MlpSpec, NOTEBOOK_MLP } from '../src/index.js';

const built: Mlp[] = [];
function build(spec: MlpSpec, seed: number, stream = 'init'): Mlp {
  const mlp = createMlp(spec, new SeededRandom(seed).stream(stream));
  built.push(mlp);
  return mlp;
}

function stats(values: Float32Array) {
  let sum = 0;
  let sumSquares = 0;
  let maxAbs = 0;
  for (const value of values) {
    sum += value;
    sumSquares += value * value;
    maxAbs = Math.max(maxAbs, Math.abs(value));
  }
  const mean = sum / values.length;
  return { mean, variance: sumSquares / values.length - mean * mean, maxAbs };
}

beforeAll(async () => {
  await initBackend('cpu');
});

afterAll(() => {
  for (const mlp of built) mlp.dispose();
});

describe('pytorch initialisation (default)', () => {
  it('keeps every weight and bias of a layer within ±1/sqrt(fan_in)', () => {
    const mlp = build(NOTEBOOK_MLP, 1);
    const widths = [1, 12, 12, 16, 1];
    mlp.getWeights().forEach((values, index) => {
      const fanIn = widths[index >> 1] as number;
      // PyTorch nn.Linear: bound = 1/sqrt(fan_in) for weight and bias. Compared with the
      // bound rounded to float32, since a draw just below it can round up to it.
      const bound = Math.fround(1 / Math.sqrt(fanIn));
      for (const value of values) expect(Math.abs(value)).toBeLessThanOrEqual(bound);
    });
  });

  it('has the variance of U(-b, b), b^2/3 = 1/(3 fan_in), on a large layer', () => {
    const fanIn = 100;
    const mlp = build({ inputSize: fanIn, hiddenSizes: [2000], outputSize: 1 }, 2);
    const [kernel, bias] = mlp.getWeights() as [Float32Array, Float32Array];
    const { mean, variance, maxAbs } = stats(kernel);
    const expected = 1 / (3 * fanIn);
    // 200 000 draws: the relative standard error of the sample variance of a uniform is
    // sqrt(4/5)/sqrt(n) ≈ 0.2%; 2% is ten standard errors.
    expect(Math.abs(variance / expected - 1)).toBeLessThan(0.02);
    // Standard error of the mean: b/sqrt(3n) ≈ 1.3e-4; tolerance 1e-3.
    expect(Math.abs(mean)).toBeLessThan(1e-3);
    // The draws reach the bound 0.1, not a narrower range.
    expect(maxAbs).toBeGreaterThan(0.0999);
    expect(stats(bias).maxAbs).toBeLessThanOrEqual(Math.fround(0.1));
    expect(stats(bias).maxAbs).toBeGreaterThan(0.099);
  });

  it('draws each layer kernel in PyTorch weight[out][in] order, then the bias', () => {
    const mlp = build({ inputSize: 2, hiddenSizes: [3], outputSize: 1 }, 7);
    const draws = new SeededRandom(7).stream('init');
    const bound0 = 1 / Math.sqrt(2);
    const expectedKernel0 = new Float32Array(6);
    for (let out = 0; out < 3; out++) {
      for (let input = 0; input < 2; input++) {
        expectedKernel0[input * 3 + out] = draws.uniform(-bound0, bound0);
      }
    }
    const expectedBias0 = Float32Array.from([0, 1, 2].map(() => draws.uniform(-bound0, bound0)));
    const bound1 = 1 / Math.sqrt(3);
    const expectedKernel1 = Float32Array.from([0, 1, 2].map(() => draws.uniform(-bound1, bound1)));
    const expectedBias1 = Float32Array.from([draws.uniform(-bound1, bound1)]);
    expect(mlp.getWeights()).toEqual([
      expectedKernel0,
      expectedBias0,
      expectedKernel1,
      expectedBias1,
    ]);
  });
});

describe('glorot initialisation', () => {
  it('keeps kernels within ±sqrt(6/(fan_in+fan_out)) with the matching variance, biases at 0', () => {
    const mlp = build({ inputSize: 300, hiddenSizes: [500], outputSize: 4, init: 'glorot' }, 3);
    expect(mlp.spec.init).toBe('glorot');
    const [kernel0, bias0, kernel1, bias1] = mlp.getWeights() as Float32Array[];
    const bound0 = Math.sqrt(6 / (300 + 500));
    const bound1 = Math.sqrt(6 / (500 + 4));
    expect(stats(kernel0 as Float32Array).maxAbs).toBeLessThanOrEqual(Math.fround(bound0));
    expect(stats(kernel0 as Float32Array).maxAbs).toBeGreaterThan(0.99 * bound0);
    expect(stats(kernel1 as Float32Array).maxAbs).toBeLessThanOrEqual(Math.fround(bound1));
    // Variance of U(-b, b) is b^2/3 = 2/(fan_in+fan_out); 150 000 draws, 2% tolerance.
    const variance = stats(kernel0 as Float32Array).variance;
    expect(Math.abs(variance / (2 / 800) - 1)).toBeLessThan(0.02);
    expect(Array.from(bias0 as Float32Array).every((value) => value === 0)).toBe(true);
    expect(Array.from(bias1 as Float32Array).every((value) => value === 0)).toBe(true);
  });
});

describe('seeding', () => {
  it('gives identical weights for the same seed and different ones otherwise', () => {
    const first = build(NOTEBOOK_MLP, 42).getWeights();
    expect(build(NOTEBOOK_MLP, 42).getWeights()).toEqual(first);
    expect(build(NOTEBOOK_MLP, 43).getWeights()).not.toEqual(first);
    expect(build(NOTEBOOK_MLP, 42, 'other').getWeights()).not.toEqual(first);
    const glorot = { ...NOTEBOOK_MLP, init: 'glorot' as const };
    expect(build(glorot, 42).getWeights()).toEqual(build(glorot, 42).getWeights());
  });
});
