/**
 * The TensorFlow.js op-level API every epochlab package codes against.
 *
 * tfjs-core is already backend-agnostic: `tf.matMul` runs on whichever backend
 * `initBackend` selected. It is re-exported here, unwrapped, so that the whole
 * workspace shares one copy of tfjs-core and no other package imports a
 * TensorFlow.js platform or backend package.
 *
 * `#tf-core` (package.json `imports`) picks the build: in Node tfjs-core's
 * CommonJS build through `require`, which starts in a third of the time an
 * ES-module import of it takes; for bundlers its ES modules.
 */
import * as tf from '#tf-core';

export type {
  Rank,
  Scalar,
  Tensor,
  Tensor1D,
  Tensor2D,
  TensorLike,
  Variable,
} from '#tf-core';
export { tf };
