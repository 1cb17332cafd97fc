import { initBackend, SeededRandom, tf } from '@epochlab/tensor';
import { createLoss } from '@epochlab/train';
import { beforeAll, describe, expect, it } from 'vitest';
import { lineLoss, lossMinimum } from '../../src/line-view/index.js';

function randomPoints(n: number, seed: number) {
  const random = new SeededRandom(seed).stream('loss-minimum-test');
  const xs = Array.from({ length: n }, () => random.uniform(-1.5, 1.5));
  // Heavy-ish noise with a few outliers, where L1, MSE and Huber disagree.
  const ys = xs.map((x, i) => 0.8 * x + 0.2 + random.normal(0, 0.4) + (i % 7 === 0 ? 3 : 0));
  return { xs, ys };
}

describe('lossMinimum', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  it('MSE: the least-squares line from the normal equations', () => {
    for (const seed of [1, 2, 3]) {
      const { xs, ys } = randomPoints(25, seed);
      // Normal equations [Sxx Sx; Sx n] [m; b] = [Sxy; Sy], solved by Cramer's rule.
      const n = xs.length;
      const sx = xs.reduce((s, x) => s + x, 0);
      const sy = ys.reduce((s, y) => s + y, 0);
      const sxx = xs.reduce((s, x) => s + x * x, 0);
      const sxy = xs.reduce((s, x, i) => s + x * (ys[i] as number), 0);
      const determinant = sxx * n - sx * sx;
      const m = (sxy * n - sx * sy) / determinant;
      const b = (sxx * sy - sx * sxy) / determinant;
      const minimum = lossMinimum(xs, ys, 'mse');
      expect(minimum.m).toBeCloseTo(m, 12);
      expect(minimum.b).toBeCloseTo(b, 12);
      expect(minimum.loss).toBe(lineLoss(minimum.m, minimum.b, xs, ys, 'mse'));
    }
  });

  it('L1: as low as the best line through two data points (where an L1 optimum always lies)', () => {
    for (const seed of [1, 2, 3, 4]) {
      const { xs, ys } = randomPoints(21, seed);
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < xs.length; i++) {
        for (let j = i + 1; j < xs.length; j++) {
          const m =
            ((ys[j] as number) - (ys[i] as number)) / ((xs[j] as number) - (xs[i] as number));
          best = Math.min(
            best,
            lineLoss(m, (ys[i] as number) - m * (xs[i] as number), xs, ys, 'l1'),
          );
        }
      }
      const minimum = lossMinimum(xs, ys, 'l1');
      expect(minimum.loss).toBeLessThanOrEqual(best + 1e-12);
      expect(minimum.loss).toBe(lineLoss(minimum.m, minimum.b, xs, ys, 'l1'));
    }
  });

  it('Huber: tfjs autodiff finds a zero gradient there, and no nearby point is lower', () => {
    const huber = createLoss('huber');
    for (const seed of [1, 2, 3]) {
      const { xs, ys } = randomPoints(30, seed);
      const minimum = lossMinimum(xs, ys, 'huber');
      const gradient = tf.tidy(() => {
        const x = tf.tensor1d(xs);
        const y = tf.tensor1d(ys);
        const f = (p: tf.Tensor) => {
          const [m, b] = tf.unstack(p);
          return huber(tf.add(tf.mul(m as tf.Tensor, x), b as tf.Tensor), y);
        };
        return tf
          .grad(f)(tf.tensor1d([minimum.m, minimum.b]))
          .arraySync() as number[];
      });
      expect(Math.abs(gradient[0] as number)).toBeLessThan(1e-5);
      expect(Math.abs(gradient[1] as number)).toBeLessThan(1e-5);
      for (const [dm, db] of [
        [1e-4, 0],
        [-1e-4, 0],
        [0, 1e-4],
        [0, -1e-4],
        [1e-4, 1e-4],
        [-1e-4, 1e-4],
      ] as const) {
        const nearby = lineLoss(minimum.m + dm, minimum.b + db, xs, ys, 'huber');
        expect(nearby).toBeGreaterThanOrEqual(minimum.loss);
      }
    }
  });

  it('gives the best constant and m = 0 when every x is the same', () => {
    const xs = [2, 2, 2, 2, 2];
    const ys = [1, 4, 2, 10, 3];
    expect(lossMinimum(xs, ys, 'l1')).toMatchObject({ m: 0, b: 3 }); // the median
    const mse = lossMinimum(xs, ys, 'mse');
    expect(mse.m).toBe(0);
    expect(mse.b).toBeCloseTo(4, 14); // the mean
    expect(lossMinimum([5], [7], 'huber')).toMatchObject({ m: 0, loss: expect.closeTo(0, 12) });
  });
});
