import { type ActivationFunction, activationFunction } from '@epochlab/models';
import { type DenseMlpV1, tf, type Variable } from '@epochlab/tensor';
import type { TrainableModel } from '../loop/trainable-model.js';

/** What the fused kernel needs of a {@link DenseMlpV1} model, read and checked once. */
export interface DenseMlpModel {
  /** Widths from input to output: `[inputSize, ...hidden, outputSize]`. */
  readonly widths: readonly number[];
  /** The hidden layers' activation, from `@epochlab/models`' registry. */
  readonly activation: ActivationFunction;
  /** `kernel0, bias0, kernel1, bias1, ...`: the model's own trainable variables. */
  readonly variables: readonly Variable[];
}

/** A model read as a dense MLP, or why it cannot be (for `trainingPath: 'fused'`'s error). */
export type DenseMlpReading = { readonly dense: DenseMlpModel } | { readonly reason: string };

function isFloat32Variable(value: unknown): value is Variable {
  return value instanceof tf.Variable && value.dtype === 'float32' && !value.isDisposed;
}

/**
 * Reads `model` as a dense MLP when it declares the `DenseMlpV1` contract
 * (`specificationVersion: 'dense-mlp-v1'`, as `@epochlab/models`' `Mlp`
 * does), its activation is in `@epochlab/models`' `ACTIVATIONS`, and its
 * layers hold what the contract promises (float32 kernels and biases of
 * matching widths, which are exactly its trainable variables, in order). It
 * cannot check what `forward` computes: the fused path compares its own
 * forward pass with `model.forward` once before training.
 */
export function readDenseMlp(model: TrainableModel): DenseMlpReading {
  const declared = model as TrainableModel & Partial<DenseMlpV1>;
  if (declared.specificationVersion !== 'dense-mlp-v1') {
    return {
      reason: "the model does not implement DenseMlpV1 (specificationVersion 'dense-mlp-v1')",
    };
  }
  const { layers, trainableVariables: variables } = declared as DenseMlpV1;
  const activation = activationFunction(declared.activation as string);
  if (activation === undefined) {
    return { reason: `its activation ${String(declared.activation)} is not one of ACTIVATIONS` };
  }
  const layersMismatch = {
    reason:
      'its layers are not float32 kernels and biases of matching widths, in trainableVariables order',
  };
  if (layers.length === 0 || variables.length !== 2 * layers.length) return layersMismatch;
  const widths: number[] = [];
  for (let index = 0; index < layers.length; index++) {
    const { kernel, bias } = layers[index] as DenseMlpV1['layers'][number];
    if (!isFloat32Variable(kernel) || !isFloat32Variable(bias)) return layersMismatch;
    if (variables[2 * index] !== kernel || variables[2 * index + 1] !== bias) return layersMismatch;
    if (kernel.rank !== 2 || bias.rank !== 1) return layersMismatch;
    const [fanIn, fanOut] = kernel.shape as [number, number];
    if (bias.shape[0] !== fanOut) return layersMismatch;
    if (index === 0) widths.push(fanIn);
    else if (widths[index] !== fanIn) return layersMismatch;
    widths.push(fanOut);
  }
  return { dense: { widths, activation, variables: [...variables] } };
}
