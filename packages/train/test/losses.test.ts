import { InvalidArgumentError, initBackend, tf } from '@epochlab/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLoss, huberLoss, LOSSES, type LossConfig, l1Loss, mseLoss } from '../src/index.js';
import { createFusedLoss, resolveLossConfig } from '../src/losses/create-loss.js';
import { expectBriefRun } from './helpers/brief-run.js';
import { expectInvalid } from './helpers/expect-invalid.js';
import { TRAINING_PATHS } from './helpers/training-paths.js';

beforeAll(async () => {
  await initBackend('cpu');
});

/** Evaluates a loss on plain numbers (shape [n, 1]) and returns the scalar. */
function lossOf(
  loss: (p: tf.Tensor, t: tf.Tensor) => tf.Scalar,
  prediction: number[],
  target: number[],
) {
  return tf.tidy(() => {
    const shape: [number, number] = [prediction.length, 1];
    return loss(tf.tensor2d(prediction, shape), tf.tensor2d(target, shape)).dataSync()[0] as number;
  });
}

// Hand-made errors: prediction - target = [0.5, -2, 3, -0.25].
const prediction = [1.5, -1, 4, 0.75];
const target = [1, 1, 1, 1];

describe('losses against their formulas', () => {
  it('l1 is the mean absolute error', () => {
    // (0.5 + 2 + 3 + 0.25) / 4 = 1.4375
    expect(lossOf(l1Loss, prediction, target)).toBeCloseTo(1.4375, 6);
  });

  it('mse is the mean squared error', () => {
    // (0.25 + 4 + 9 + 0.0625) / 4 = 3.328125
    expect(lossOf(mseLoss, prediction, target)).toBeCloseTo(3.328125, 6);
  });

  it('huber (delta 1) is quadratic below delta and linear above, as PyTorch HuberLoss', () => {
    // |e| < 1: 0.5 e^2 -> 0.125, 0.03125; |e| >= 1: |e| - 0.5 -> 1.5, 2.5.
    // mean = (0.125 + 1.5 + 2.5 + 0.03125) / 4 = 1.0390625
    expect(lossOf(huberLoss(), prediction, target)).toBeCloseTo(1.0390625, 6);
  });

  it('huber with delta 2 moves the threshold', () => {
    // delta 2: 0.5 e^2 for |e| < 2 -> 0.125, (|e| = 2: both branches give 2), 0.03125;
    // 3 -> 2 * (3 - 1) = 4. mean = (0.125 + 2 + 4 + 0.03125) / 4 = 1.5390625
    expect(lossOf(huberLoss(2), prediction, target)).toBeCloseTo(1.5390625, 6);
  });

  it('huber gradient is the error below delta and delta * sign(error) above', () => {
    const gradient = tf.tidy(() => {
      const targets = tf.tensor2d(target, [4, 1]);
      const grad = tf.grad((p: tf.Tensor) => huberLoss()(p, targets));
      return Array.from(grad(tf.tensor2d(prediction, [4, 1])).dataSync());
    });
    // d/dp mean(huber) = clip(e, -1, 1) / 4
    const expected = [0.5, -1, 1, -0.25].map((value) => value / 4);
    gradient.forEach((value, index) => {
      expect(value).toBeCloseTo(expected[index] as number, 6);
    });
  });
});

describe('createLoss', () => {
  it('returns each loss by name and by config', () => {
    expect(createLoss('l1')).toBe(l1Loss);
    expect(createLoss({ name: 'mse' })).toBe(mseLoss);
    expect(lossOf(createLoss('huber'), prediction, target)).toBeCloseTo(1.0390625, 6);
    expect(lossOf(createLoss({ name: 'huber', delta: 2 }), prediction, target)).toBeCloseTo(
      1.5390625,
      6,
    );
  });

  it('names the field of a bad loss', async () => {
    const error = await expectInvalid(() => createLoss('l3' as 'l1'), 'loss');
    expect(error.allowed).toContain('l1, mse, huber');
    await expectInvalid(() => createLoss({ name: 'huber', delta: 0 }), 'loss.delta');
    expect(() => createLoss({} as { name: 'l1' })).toThrow(InvalidArgumentError);
  });
});

describe.each(LOSSES)('the $name entry of LOSSES', (definition) => {
  const config = { name: definition.name } as LossConfig;

  it('fills in its defaults, and its fused form gives the tfjs loss (1e-6 relative)', () => {
    expect(resolveLossConfig(config)).toEqual(definition.defaults);
    const fused = createFusedLoss(config).loss(
      Float32Array.from(prediction),
      Float32Array.from(target),
      4,
    );
    const generic = lossOf(createLoss(config), prediction, target);
    expect(Math.abs(fused - generic) / Math.abs(generic)).toBeLessThan(1e-6);
  });

  it.each(TRAINING_PATHS)('trains on the $name path without leaking a tensor', async (path) => {
    await expectBriefRun(config, 'sgd', path);
  });
});
