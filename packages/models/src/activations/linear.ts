import type { ActivationFunction } from './activation-function.js';

/** `x` (no activation): the output layer's, and a hidden layer's on request. */
export const linear: ActivationFunction<'linear'> = {
  name: 'linear',
  tfjs: { fusedMatMul: 'linear' },
  layersActivation: 'linear',
  forward(preActivations, activations, length) {
    for (let k = 0; k < length; k++) activations[k] = preActivations[k] as number;
  },
  backward() {
    // The derivative is 1: delta passes unchanged.
  },
};
