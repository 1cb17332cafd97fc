import { type Scalar, type Tensor, tf } from '@epochlab/tensor';
import { elementwiseFusedLoss, type LossDefinition } from './loss-definition.js';

/** The L1 loss takes no options. */
export interface L1Config {
  readonly name: 'l1';
}

/**
 * Mean absolute error, `mean(|prediction - target|)`: PyTorch's `nn.L1Loss()`,
 * the notebook's loss.
 *
 * At an error of exactly 0, tfjs's gradient of `abs` is -1 where PyTorch's is 0;
 * no other value differs.
 */
export function l1Loss(prediction: Tensor, target: Tensor): Scalar {
  return tf.mean(tf.abs(tf.sub(prediction, target)));
}

/** `l1`: {@link l1Loss}; the fused gradient is `sign(e) / count`, -1 at exactly 0 as tfjs's `abs`. */
export const l1: LossDefinition<L1Config> = {
  name: 'l1',
  defaults: { name: 'l1' },
  validate() {},
  createGeneric: () => l1Loss,
  createFused: () =>
    elementwiseFusedLoss({
      value: (error) => Math.abs(error),
      derivative: (error, share) => (error > 0 ? share : Number.isNaN(error) ? Number.NaN : -share),
    }),
};
