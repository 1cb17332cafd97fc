import type { ActivationFunction } from './activation-function.js';

/** Slope of `leakyRelu` for negative inputs: PyTorch's `negative_slope` default. */
export const LEAKY_RELU_SLOPE = 0.01;

const slope = Math.fround(LEAKY_RELU_SLOPE);

/**
 * `x` if `x >= 0`, else `0.01 x`: PyTorch's `nn.LeakyReLU()`, the notebook's
 * activation. The derivative is 1 above 0 and the slope elsewhere (also at 0,
 * as tfjs's gradient).
 */
export const leakyRelu: ActivationFunction<'leakyRelu'> = {
  name: 'leakyRelu',
  tfjs: { fusedMatMul: 'leakyrelu', leakyreluAlpha: LEAKY_RELU_SLOPE },
  layersActivation: undefined,
  forward(preActivations, activations, length) {
    for (let k = 0; k < length; k++) {
      const x = preActivations[k] as number;
      activations[k] = x < 0 ? slope * x : x;
    }
  },
  backward(delta, preActivations, _activations, length) {
    for (let k = 0; k < length; k++) {
      if (!((preActivations[k] as number) > 0)) delta[k] = (delta[k] as number) * slope;
    }
  },
};
