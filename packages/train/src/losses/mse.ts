import { type Scalar, type Tensor, tf } from '@epochlab/tensor';
import { elementwiseFusedLoss, type LossDefinition } from './loss-definition.js';

/** The MSE loss takes no options. */
export interface MseConfig {
  readonly name: 'mse';
}

/** Mean squared error, `mean((prediction - target)^2)`: PyTorch's `nn.MSELoss()`. */
export function mseLoss(prediction: Tensor, target: Tensor): Scalar {
  return tf.mean(tf.squaredDifference(prediction, target));
}

const f = Math.fround;

/** `mse`: {@link mseLoss}; the fused gradient is `2 e / count`. */
export const mse: LossDefinition<MseConfig> = {
  name: 'mse',
  defaults: { name: 'mse' },
  validate() {},
  createGeneric: () => mseLoss,
  createFused: () =>
    elementwiseFusedLoss({
      value: (error) => f(error * error),
      derivative: (error, share) => share * f(error * 2),
    }),
};
