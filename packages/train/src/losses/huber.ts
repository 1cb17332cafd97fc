import { InvalidArgumentError, type Scalar, type Tensor, tf } from '@epochlab/tensor';
import type { LossFunction } from './loss-definition.js';
import { elementwiseFusedLoss, type LossDefinition } from './loss-definition.js';

/** The Huber loss and its threshold. */
export interface HuberConfig {
  readonly name: 'huber';
  /** Where the loss turns from quadratic to linear (PyTorch's `delta`); default 1. */
  readonly delta?: number;
}

/**
 * Huber loss with threshold `delta`, averaged: PyTorch's `nn.HuberLoss(delta=delta)`.
 * Per element, with `e = |prediction - target|`:
 * `0.5 * e^2` when `e < delta`, else `delta * (e - 0.5 * delta)`.
 *
 * Written as `0.5 * q^2 + delta * (e - q)` with `q = min(e, delta)`, which is
 * the same two branches without a `where`.
 */
export function huberLoss(delta = 1): LossFunction {
  return (prediction: Tensor, target: Tensor): Scalar => {
    const absoluteError = tf.abs(tf.sub(prediction, target));
    const quadratic = tf.minimum(absoluteError, delta);
    const linear = tf.sub(absoluteError, quadratic);
    return tf.mean(tf.add(tf.mul(0.5, tf.square(quadratic)), tf.mul(delta, linear)));
  };
}

const f = Math.fround;

/**
 * `huber`: {@link huberLoss}; the fused gradient passes `min(|e|, delta)`
 * with the error's sign, as tfjs's gradient of `min(|e|, delta)` does.
 */
export const huber: LossDefinition<HuberConfig> = {
  name: 'huber',
  defaults: { name: 'huber', delta: 1 },
  validate({ delta }) {
    if (typeof delta !== 'number' || !Number.isFinite(delta) || delta <= 0) {
      throw new InvalidArgumentError('loss.delta', 'a finite number > 0', delta);
    }
  },
  createGeneric: ({ delta }) => huberLoss(delta),
  createFused(config) {
    const delta = f(config.delta);
    return elementwiseFusedLoss({
      value(error) {
        const absolute = Math.abs(error);
        const quadratic = Math.min(absolute, delta);
        return f(f(0.5 * f(quadratic * quadratic)) + f(delta * f(absolute - quadratic)));
      },
      derivative(error, share) {
        const signed = share * Math.min(Math.abs(error), delta);
        return error > 0 ? signed : Number.isNaN(error) ? Number.NaN : -signed;
      },
    });
  },
};
