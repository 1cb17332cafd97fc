import { type Scalar, type Tensor, tf } from '@epochlab/tensor';

/** Mean squared error, `mean((prediction - target)^2)`: PyTorch's `nn.MSELoss()`. */
export function mseLoss(prediction: Tensor, target: Tensor): Scalar {
  return tf.mean(tf.squaredDifference(prediction, target));
}
