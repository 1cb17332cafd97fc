import { tf } from './tf.js';

/**
 * How many tensors are alive right now (`tf.memory().numTensors`). Tests and
 * benchmarks compare it before and after training to prove nothing leaks.
 */
export function countTensors(): number {
  return tf.memory().numTensors;
}
