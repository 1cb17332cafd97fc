import type { Scalar, Tensor } from '@epochlab/tensor';
import type { Definition } from '../registry/registry.js';

/**
 * A loss: the mean over all elements of a per-element error between a
 * prediction and its target, both of the same shape. Call it inside `tf.tidy`.
 */
export type LossFunction = (prediction: Tensor, target: Tensor) => Scalar;

/**
 * A loss on plain float32 arrays, for the fused training path: the mean over
 * `count` elements of a per-element error, and its gradient with respect to
 * the predictions.
 */
export interface FusedLoss {
  /**
   * Returns the mean loss of `predictions` against `targets` (the first
   * `count` elements of each) and writes d(loss)/d(prediction) to `gradient`.
   */
  lossAndGradient(
    predictions: Float32Array,
    targets: Float32Array,
    count: number,
    gradient: Float32Array,
  ): number;
  /** The mean loss only (validation). */
  loss(predictions: Float32Array, targets: Float32Array, count: number): number;
  /** For a batch run in row blocks (see {@link RowBlockLoss}); optional: without it the batch runs in one block. */
  readonly rowBlocks?: RowBlockLoss;
}

/**
 * A loss over a batch that a fused kernel runs in row blocks: block after
 * block, in element order, it asks for the block's gradient and carries the
 * sum of the terms, then asks for the mean. The gradient, the sum and the mean
 * are `lossAndGradient`'s, bit for bit.
 */
export interface RowBlockLoss {
  /**
   * Writes d(mean loss over `count` elements)/d(prediction) for the elements
   * `from` to `to` (what `lossAndGradient` writes there) and returns `sum`
   * plus their terms, added in element order.
   */
  gradientRange(
    predictions: Float32Array,
    targets: Float32Array,
    from: number,
    to: number,
    count: number,
    gradient: Float32Array,
    sum: number,
  ): number;
  /** The mean loss `lossAndGradient` returns for terms that sum to `sum`. */
  mean(sum: number, count: number): number;
}

/**
 * One loss, defined once for every place that needs it: its name, defaults,
 * the checks of its options, the tfjs function the generic training path
 * differentiates, and the float32 form the fused path runs, whose gradient is
 * the one tfjs derives for the tfjs function. `validate` names bad options
 * `loss.<field>`.
 *
 * `Config` is the options a user writes (`{ name: 'huber', delta: 0.5 }`);
 * every function receives them with the defaults filled in.
 */
export interface LossDefinition<Config extends { readonly name: string }>
  extends Definition<Config> {
  /** The loss in tfjs ops. */
  createGeneric(config: Required<Config>): LossFunction;
  /** The loss and its gradient on float32 arrays. */
  createFused(config: Required<Config>): FusedLoss;
}

/** A per-element loss term and its derivative, for {@link elementwiseFusedLoss}. */
export interface ElementwiseLoss {
  /** The element's term, for `error = prediction - target` (float32). */
  value(error: number): number;
  /** d(mean loss)/d(prediction) of the element, where `share` is `1 / count` in float32. */
  derivative(error: number, share: number): number;
}

/**
 * The fused form of a mean of per-element terms: terms summed in double
 * precision in element order, the mean stored as float32, and the mean's
 * `1 / count` spread over the elements, as tfjs's cpu kernels compute `mean`
 * and its gradient.
 */
export function elementwiseFusedLoss({ value, derivative }: ElementwiseLoss): FusedLoss {
  const f = Math.fround;
  const rowBlocks: RowBlockLoss = {
    gradientRange(predictions, targets, from, to, count, gradient, sumBefore) {
      const share = f(1 / count);
      let sum = sumBefore;
      for (let k = from; k < to; k++) {
        const error = f((predictions[k] as number) - (targets[k] as number));
        sum += value(error);
        gradient[k] = derivative(error, share);
      }
      return sum;
    },
    mean: (sum, count) => f(f(sum) / count),
  };
  return {
    lossAndGradient(predictions, targets, count, gradient) {
      const sum = rowBlocks.gradientRange(predictions, targets, 0, count, count, gradient, 0);
      return rowBlocks.mean(sum, count);
    },
    rowBlocks,
    loss(predictions, targets, count) {
      let sum = 0;
      for (let k = 0; k < count; k++) {
        sum += value(f((predictions[k] as number) - (targets[k] as number)));
      }
      return f(f(sum) / count);
    },
  };
}
