import type { ActivationFunction } from './activation-function.js';

/**
 * `tanh(x)`; derivative `1 - y^2` from the output `y`. tfjs has no fused
 * matMul with tanh, so `Mlp.forward` applies it as an op of its own.
 */
export const tanh: ActivationFunction<'tanh'> = {
  name: 'tanh',
  tfjs: { after: (preActivations, ops) => ops.tanh(preActivations) },
  layersActivation: 'tanh',
  forward(preActivations, activations, length) {
    for (let k = 0; k < length; k++) activations[k] = Math.tanh(preActivations[k] as number);
  },
  backward(delta, _preActivations, activations, length) {
    for (let k = 0; k < length; k++) {
      const y = activations[k] as number;
      delta[k] = Math.fround(1 - Math.fround(y * y)) * (delta[k] as number);
    }
  },
};
