import type { Tensor2D, Variable } from '@epochlab/tensor';

/**
 * What the learning loop needs from a model. `@epochlab/models`' `Mlp`
 * satisfies it; so does any object with these members.
 */
export interface TrainableModel {
  /** The variables the optimizer updates (and early stopping snapshots). */
  readonly trainableVariables: readonly Variable[];
  /** Maps a `[batch, inputs]` tensor to a `[batch, outputs]` tensor; called inside `tf.tidy`. */
  forward(x: Tensor2D): Tensor2D;
  /**
   * Input and output sizes, when the model knows them: the loop checks the
   * first batch against them and names the mismatch.
   */
  readonly spec?: { readonly inputSize: number; readonly outputSize: number };
}
