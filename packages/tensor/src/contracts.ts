/**
 * Contracts between packages: shapes one package relies on and another
 * implements, declared here (types only, no code) because both sides may
 * import `@epochlab/tensor` and neither may import the other.
 *
 * Each contract carries a version literal, `specificationVersion`. A reader
 * checks it before relying on the rest, instead of guessing from the members
 * an object happens to have; an implementation declares it with
 * `implements`, so the compiler keeps the two sides in step. A change that
 * breaks readers gets a new interface with a new literal (`...-v2`).
 */
import type { Tensor, Tensor2D, Variable } from './tf.js';

/**
 * A dense multilayer perceptron: `output = input · kernel + bias` per layer,
 * one activation after every layer but the last. `@epochlab/models`' `Mlp`
 * implements it; `@epochlab/train`'s fused path reads it to train the whole
 * network as one kernel on typed arrays.
 */
export interface DenseMlpV1 {
  readonly specificationVersion: 'dense-mlp-v1';
  /** Kernel `[fanIn, fanOut]` and bias `[fanOut]` of each layer, float32, input side first. */
  readonly layers: readonly { readonly kernel: Variable; readonly bias: Variable }[];
  /** The hidden layers' activation, by its name in `@epochlab/models`' `ACTIVATIONS`. */
  readonly activation: string;
  /** The layers' variables and nothing else, in the order `kernel0, bias0, kernel1, ...`. */
  readonly trainableVariables: readonly Variable[];
  /** The network on a `[batch, inputs]` tensor. */
  forward(x: Tensor2D): Tensor2D;
}

/**
 * A batch source whose batches are rows gathered from in-memory tensors, in an
 * order it can tell ahead of time. `@epochlab/data`'s `DataLoader` implements
 * it; `@epochlab/train`'s fused path reads the tensors once and forms the same
 * batches itself, without one tensor per batch.
 */
export interface TensorRowsLoaderV1 {
  readonly specificationVersion: 'tensor-rows-loader-v1';
  /**
   * The tensors every batch takes its rows from (batch `b` of epoch `e` is
   * rows `order(e)[b * batchSize]` onwards, up to `batchSize` of them, of each
   * tensor), or `undefined` when this loader forms batches some other way
   * (item by item, a custom collate): then only its batch tensors tell.
   */
  readonly rowTensors: readonly Tensor[] | undefined;
  /** The row order of epoch `epoch` (0-based), the same as its batches use. */
  order(epoch: number): Int32Array;
  /** Rows per batch; the last batch of an epoch may have fewer. */
  readonly batchSize: number;
  /** Batches per epoch. */
  readonly length: number;
}
