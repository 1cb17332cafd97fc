/**
 * The TensorFlow.js op-level API every epochlab package codes against.
 *
 * tfjs-core is already backend-agnostic: `tf.matMul` runs on whichever backend
 * `initBackend` selected. It is re-exported here, unwrapped, so that the whole
 * workspace shares one copy of tfjs-core and no other package imports a
 * TensorFlow.js platform or backend package.
 */
import * as tf from '@tensorflow/tfjs-core';

export type {
  Rank,
  Scalar,
  Tensor,
  Tensor1D,
  Tensor2D,
  TensorLike,
  Variable,
} from '@tensorflow/tfjs-core';
export { tf };
