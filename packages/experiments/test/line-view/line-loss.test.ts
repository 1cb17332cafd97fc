import { InvalidArgumentError, initBackend, SeededRandom, tf } from '@epochlab/tensor';
import { createLoss, type LossName } from '@epochlab/train';
import { beforeAll, describe, expect, it } from 'vitest';
import { lineLoss, lineLossGradient } from '../../src/line-view/index.js';

// Three points; at (m, b) = (1, 0.5) the residuals m x + b - y are -1, -0.5 and 1.5.
const xs = [-1, 0, 2];
const ys = [0.5, 1, 1];

describe('lineLoss and lineLossGradient on three points, by hand', () => {
  it('L1: mean |e| = 3/3; gradient mean(sign(e) x) = 1, mean(sign(e)) = -1/3', () => {
    expect(lineLoss(1, 0.5, xs, ys, 'l1')).toBeCloseTo(1, 15);
    const { dm, db } = lineLossGradient(1, 0.5, xs, ys, 'l1');
    expect(dm).toBeCloseTo(1, 15); // (-1)(-1) + (-1)(0) + (1)(2) = 3, over 3
    expect(db).toBeCloseTo(-1 / 3, 15);
  });

  it('L1 takes sign(0) = 0 where a residual is exactly zero, as PyTorch does', () => {
    // At (0, 1) the residuals are 0.5, 0, 0: only the first point pushes.
    const { dm, db } = lineLossGradient(0, 1, xs, ys, 'l1');
    expect(dm).toBeCloseTo(-1 / 3, 15);
    expect(db).toBeCloseTo(1 / 3, 15);
  });

  it('MSE: mean e^2 = 3.5/3; gradient mean(2 e x) = 8/3, mean(2 e) = 0', () => {
    expect(lineLoss(1, 0.5, xs, ys, 'mse')).toBeCloseTo(3.5 / 3, 15);
    const { dm, db } = lineLossGradient(1, 0.5, xs, ys, 'mse');
    expect(dm).toBeCloseTo(8 / 3, 15); // 2(-1)(-1) + 2(-0.5)(0) + 2(1.5)(2) = 8
    expect(db).toBeCloseTo(0, 15); // -2 - 1 + 3
  });

  it('Huber (delta 1): 0.5, 0.125 and 1.0 per point; derivative e clipped to [-1, 1]', () => {
    expect(lineLoss(1, 0.5, xs, ys, 'huber')).toBeCloseTo(1.625 / 3, 15);
    const { dm, db } = lineLossGradient(1, 0.5, xs, ys, 'huber');
    expect(dm).toBeCloseTo(1, 15); // (-1)(-1) + (-0.5)(0) + (1)(2) = 3, over 3
    expect(db).toBeCloseTo(-1 / 6, 15); // -1 - 0.5 + 1 = -0.5, over 3
  });

  it('names the field of bad input', () => {
    const parameter = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        if (InvalidArgumentError.isInstance(error)) return error.parameter;
        throw error;
      }
      return 'no error';
    };
    expect(parameter(() => lineLoss(0, 0, [], [], 'l1'))).toBe('xs');
    expect(parameter(() => lineLoss(0, 0, [1, 2], [1], 'l1'))).toBe('ys');
    expect(parameter(() => lineLoss(0, 0, [1, Number.NaN], [1, 2], 'l1'))).toBe('xs[1]');
    expect(parameter(() => lineLossGradient(0, 0, [1], [1], 'hinge' as LossName))).toBe('loss');
  });
});

describe('lineLossGradient against tfjs autodiff', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  it('matches tf.grad of the training losses on random points and lines', () => {
    const random = new SeededRandom(11).stream('line-loss-test');
    const n = 23;
    const pointsX = Array.from({ length: n }, () => random.uniform(-2, 2));
    const pointsY = pointsX.map((x) => 0.7 * x - 0.3 + random.normal(0, 0.8));
    for (const loss of ['l1', 'mse', 'huber'] as const) {
      const lossFunction = createLoss(loss);
      for (let trial = 0; trial < 10; trial++) {
        const m = random.uniform(-3, 3);
        const b = random.uniform(-3, 3);
        const [[dm, db], value] = tf.tidy(() => {
          const x = tf.tensor1d(pointsX);
          const y = tf.tensor1d(pointsY);
          const f = (parameters: tf.Tensor) => {
            const [slope, intercept] = tf.unstack(parameters);
            return lossFunction(tf.add(tf.mul(slope as tf.Tensor, x), intercept as tf.Tensor), y);
          };
          const parameters = tf.tensor1d([m, b]);
          return [tf.grad(f)(parameters).arraySync() as number[], f(parameters).arraySync()];
        });
        const gradient = lineLossGradient(m, b, pointsX, pointsY, loss);
        expect(gradient.dm).toBeCloseTo(dm as number, 5);
        expect(gradient.db).toBeCloseTo(db as number, 5);
        expect(lineLoss(m, b, pointsX, pointsY, loss)).toBeCloseTo(value as number, 4);
      }
    }
  });
});
