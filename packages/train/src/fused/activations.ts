/** Hidden-layer activations the fused path computes, by the name `@epochlab/models` uses. */
export const FUSED_ACTIVATIONS = ['leakyRelu', 'relu', 'tanh', 'sigmoid', 'linear'] as const;

/** One of {@link FUSED_ACTIVATIONS}. */
export type FusedActivation = (typeof FUSED_ACTIVATIONS)[number];

/** Slope of `leakyRelu` below zero (PyTorch's default, as `@epochlab/models` uses), in float32. */
export const LEAKY_RELU_SLOPE = Math.fround(0.01);

/**
 * Writes `activation(preActivations[k])` to `activations[k]` for k < `length`,
 * as tfjs's cpu kernels compute it: `leakyRelu` `x < 0 ? slope x : x`,
 * `relu` `x < 0 ? 0 : x`, `tanh`, `sigmoid` `1 / (1 + e^-x)`, `linear` `x`.
 */
export function activate(
  activation: FusedActivation,
  preActivations: Float32Array,
  activations: Float32Array,
  length: number,
): void {
  switch (activation) {
    case 'leakyRelu':
      for (let k = 0; k < length; k++) {
        const x = preActivations[k] as number;
        activations[k] = x < 0 ? LEAKY_RELU_SLOPE * x : x;
      }
      return;
    case 'relu':
      for (let k = 0; k < length; k++) {
        const x = preActivations[k] as number;
        activations[k] = Math.max(x, 0);
      }
      return;
    case 'tanh':
      for (let k = 0; k < length; k++) activations[k] = Math.tanh(preActivations[k] as number);
      return;
    case 'sigmoid':
      for (let k = 0; k < length; k++) {
        activations[k] = 1 / (1 + Math.exp(-(preActivations[k] as number)));
      }
      return;
    case 'linear':
      for (let k = 0; k < length; k++) activations[k] = preActivations[k] as number;
      return;
  }
}

/**
 * Multiplies the gradient `delta` (with respect to a layer's activations) in
 * place by the activation's derivative, giving the gradient with respect to
 * its pre-activations. `preActivations` and `activations` are that layer's
 * values. The derivatives are tfjs's gradients of its unfused ops:
 * `leakyRelu` `x > 0 ? 1 : slope`, `relu` `x > 0 ? 1 : 0`, `tanh` `1 - y^2`,
 * `sigmoid` `y (1 - y)`.
 */
export function backpropagateActivation(
  activation: FusedActivation,
  delta: Float32Array,
  preActivations: Float32Array,
  activations: Float32Array,
  length: number,
): void {
  switch (activation) {
    case 'leakyRelu':
      for (let k = 0; k < length; k++) {
        if (!((preActivations[k] as number) > 0))
          delta[k] = (delta[k] as number) * LEAKY_RELU_SLOPE;
      }
      return;
    case 'relu':
      for (let k = 0; k < length; k++) {
        const x = preActivations[k] as number;
        if (!(x > 0)) delta[k] = Number.isNaN(x) ? Number.NaN : (delta[k] as number) * 0;
      }
      return;
    case 'tanh':
      for (let k = 0; k < length; k++) {
        const y = activations[k] as number;
        delta[k] = Math.fround(1 - Math.fround(y * y)) * (delta[k] as number);
      }
      return;
    case 'sigmoid':
      for (let k = 0; k < length; k++) {
        const y = activations[k] as number;
        delta[k] = (delta[k] as number) * Math.fround(y * Math.fround(1 - y));
      }
      return;
    case 'linear':
      return;
  }
}
