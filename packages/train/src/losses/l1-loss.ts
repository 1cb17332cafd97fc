import { type Scalar, type Tensor, tf } from '@epochlab/tensor';

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
