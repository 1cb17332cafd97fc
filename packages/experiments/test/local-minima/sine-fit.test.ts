import { initBackend, SeededRandom, tf } from '@epochlab/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { bestAmplitude, sineFitGradient, sineFitLoss } from '../../src/index.js';

describe('sineFitLoss and sineFitGradient by hand', () => {
  // Two points (0.5, 1) and (-1, 0.2), at w = 2, a = 0.5:
  //   point 1: s = sin(1), c = cos(1), e1 = 0.5 sin(1) - 1
  //   point 2: s = sin(-2) = -sin(2), c = cos(2), e2 = -0.5 sin(2) - 0.2
  //   L = (e1^2 + e2^2) / 2
  //   dL/da = (2/2) (e1 sin(1) - e2 sin(2))
  //   dL/dw = (2/2) (e1 * 0.5 * 0.5 cos(1) + e2 * 0.5 * (-1) cos(2))
  const points = { xs: [0.5, -1], ys: [1, 0.2] };
  const e1 = 0.5 * Math.sin(1) - 1;
  const e2 = -0.5 * Math.sin(2) - 0.2;

  it('gives the mean squared error', () => {
    expect(sineFitLoss(2, 0.5, points)).toBeCloseTo((e1 * e1 + e2 * e2) / 2, 14);
  });

  it('gives the exact gradient, over all points or a batch', () => {
    const gradient = sineFitGradient(2, 0.5, points);
    expect(gradient.da).toBeCloseTo(e1 * Math.sin(1) - e2 * Math.sin(2), 14);
    expect(gradient.dw).toBeCloseTo(e1 * 0.25 * Math.cos(1) - e2 * 0.5 * Math.cos(2), 14);
    // The batch [1] alone: dL/da = 2 e2 sin(-2), dL/dw = 2 e2 a x cos(w x).
    const second = sineFitGradient(2, 0.5, points, [1]);
    expect(second.da).toBeCloseTo(2 * e2 * -Math.sin(2), 14);
    expect(second.dw).toBeCloseTo(2 * e2 * 0.5 * -1 * Math.cos(2), 14);
  });

  it('gives the least-squares amplitude for a fixed frequency', () => {
    // a* = (s1 y1 + s2 y2) / (s1^2 + s2^2), and the loss there is below its neighbours'.
    const s1 = Math.sin(1);
    const s2 = -Math.sin(2);
    const best = bestAmplitude(2, points);
    expect(best.a).toBeCloseTo((s1 * 1 + s2 * 0.2) / (s1 * s1 + s2 * s2), 14);
    expect(best.loss).toBeLessThan(sineFitLoss(2, best.a + 1e-3, points));
    expect(best.loss).toBeLessThan(sineFitLoss(2, best.a - 1e-3, points));
  });
});

describe('sineFitGradient against tfjs autodiff', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  it('matches tf.grad of the mean squared error on random points and weights, leaking no tensor', () => {
    const random = new SeededRandom(5).stream('sine-fit-test');
    const xs = Array.from({ length: 19 }, () => random.uniform(-2, 2));
    const ys = xs.map((x) => Math.sin(3 * x) + random.normal(0, 0.2));
    const before = tf.memory().numTensors;
    for (let trial = 0; trial < 10; trial++) {
      const w = random.uniform(-8, 8);
      const a = random.uniform(-2, 2);
      const [[dw, da], value] = tf.tidy(() => {
        const x = tf.tensor1d(xs);
        const y = tf.tensor1d(ys);
        const f = (weights: tf.Tensor) => {
          const [frequency, amplitude] = tf.unstack(weights) as [tf.Tensor, tf.Tensor];
          return tf.losses.meanSquaredError(y, tf.mul(amplitude, tf.sin(tf.mul(frequency, x))));
        };
        const weights = tf.tensor1d([w, a]);
        return [tf.grad(f)(weights).arraySync() as number[], f(weights).arraySync() as number];
      });
      const gradient = sineFitGradient(w, a, { xs, ys });
      // float32 autodiff against float64 formulas: relative 1e-4.
      const scale = Math.max(1, Math.abs(dw as number), Math.abs(da as number));
      expect(Math.abs(gradient.dw - (dw as number)) / scale).toBeLessThan(1e-4);
      expect(Math.abs(gradient.da - (da as number)) / scale).toBeLessThan(1e-4);
      expect(sineFitLoss(w, a, { xs, ys })).toBeCloseTo(value, 4);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
