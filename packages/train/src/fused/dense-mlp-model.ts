import { tf, type Variable } from '@epochlab/tensor';
import type { TrainableModel } from '../loop/trainable-model.js';
import { FUSED_ACTIVATIONS, type FusedActivation } from './activations.js';

/** The weights of one dense layer: `output = input · kernel + bias`, kernel `[fanIn, fanOut]`. */
interface DenseLayer {
  readonly kernel: Variable;
  readonly bias: Variable;
}

/**
 * A model the fused path can train: dense layers (`layers: { kernel, bias }[]`)
 * with one activation after every layer but the last (`spec.activation`),
 * whose `trainableVariables` are `kernel0, bias0, kernel1, bias1, ...`.
 * `@epochlab/models`' `Mlp` is one; this package does not import it.
 */
export interface DenseMlpModel {
  /** Widths from input to output: `[inputSize, ...hidden, outputSize]`. */
  readonly widths: readonly number[];
  readonly activation: FusedActivation;
  /** `kernel0, bias0, kernel1, bias1, ...`: the model's own trainable variables. */
  readonly variables: readonly Variable[];
}

function isFloat32Variable(value: unknown): value is Variable {
  return value instanceof tf.Variable && value.dtype === 'float32' && !value.isDisposed;
}

/**
 * Reads `model` as a dense MLP when it has that structure (see
 * {@link DenseMlpModel}); `undefined` otherwise. Checks shapes, dtypes and
 * that the trainable variables are exactly the layers' kernels and biases,
 * in order. It cannot check what `forward` computes: the fused path compares
 * its own forward pass with `model.forward` once before training.
 */
export function asDenseMlp(model: TrainableModel): DenseMlpModel | undefined {
  const candidate = model as TrainableModel & {
    readonly layers?: unknown;
    readonly spec?: { readonly activation?: unknown };
  };
  const layers = candidate.layers;
  const activation = candidate.spec?.activation;
  if (!Array.isArray(layers) || layers.length === 0) return undefined;
  if (!(FUSED_ACTIVATIONS as readonly unknown[]).includes(activation)) return undefined;
  const variables = model.trainableVariables;
  if (variables.length !== 2 * layers.length) return undefined;
  const widths: number[] = [];
  for (let index = 0; index < layers.length; index++) {
    const layer = layers[index] as Partial<DenseLayer> | null;
    const kernel = layer?.kernel;
    const bias = layer?.bias;
    if (!isFloat32Variable(kernel) || !isFloat32Variable(bias)) return undefined;
    if (variables[2 * index] !== kernel || variables[2 * index + 1] !== bias) return undefined;
    if (kernel.rank !== 2 || bias.rank !== 1) return undefined;
    const [fanIn, fanOut] = kernel.shape as [number, number];
    if (bias.shape[0] !== fanOut) return undefined;
    if (index === 0) widths.push(fanIn);
    else if (widths[index] !== fanIn) return undefined;
    widths.push(fanOut);
  }
  return { widths, activation: activation as FusedActivation, variables: [...variables] };
}
