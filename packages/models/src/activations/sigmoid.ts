import type { ActivationFunction } from './activation-function.js';

/** `1 / (1 + e^-x)`; derivative `y (1 - y)` from the output `y`. */
export const sigmoid: ActivationFunction<'sigmoid'> = {
  name: 'sigmoid',
  tfjs: { fusedMatMul: 'sigmoid' },
  layersActivation: 'sigmoid',
  forward(preActivations, activations, length) {
    for (let k = 0; k < length; k++) {
      activations[k] = 1 / (1 + Math.exp(-(preActivations[k] as number)));
    }
  },
  backward(delta, _preActivations, activations, length) {
    for (let k = 0; k < length; k++) {
      const y = activations[k] as number;
      delta[k] = (delta[k] as number) * Math.fround(y * Math.fround(1 - y));
    }
  },
};
