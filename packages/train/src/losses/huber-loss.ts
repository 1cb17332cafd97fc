import { type Scalar, type Tensor, tf } from '@epochlab/tensor';
import type { LossFunction } from './loss-function.js';

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
