import type { Scalar, Tensor } from '@epochlab/tensor';

/** The losses epochlab knows by name. */
export const LOSS_NAMES = ['l1', 'mse', 'huber'] as const;

/** `l1` (mean absolute error), `mse` (mean squared error) or `huber`. */
export type LossName = (typeof LOSS_NAMES)[number];

/** A loss chosen by name, with its options; every loss averages over all elements. */
export type LossConfig =
  | { readonly name: 'l1' }
  | { readonly name: 'mse' }
  | {
      readonly name: 'huber';
      /** Where the loss turns from quadratic to linear (PyTorch's `delta`); default 1. */
      readonly delta?: number;
    };

/**
 * A loss: the mean over all elements of a per-element error between a
 * prediction and its target, both of the same shape. Call it inside `tf.tidy`.
 */
export type LossFunction = (prediction: Tensor, target: Tensor) => Scalar;
