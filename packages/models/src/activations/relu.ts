import type { ActivationFunction } from './activation-function.js';

/** `max(0, x)`. The derivative is 1 above 0 and 0 elsewhere (NaN stays NaN, as in tfjs). */
export const relu: ActivationFunction<'relu'> = {
  name: 'relu',
  tfjs: { fusedMatMul: 'relu' },
  layersActivation: 'relu',
  forward(preActivations, activations, length) {
    for (let k = 0; k < length; k++) activations[k] = Math.max(preActivations[k] as number, 0);
  },
  backward(delta, preActivations, _activations, length) {
    for (let k = 0; k < length; k++) {
      const x = preActivations[k] as number;
      if (!(x > 0)) delta[k] = Number.isNaN(x) ? Number.NaN : (delta[k] as number) * 0;
    }
  },
};
