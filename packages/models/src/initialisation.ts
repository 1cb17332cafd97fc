import type { SeededRandom } from '@epochlab/tensor';
import { layerWidths, type MlpSpec } from './mlp-spec.js';

/**
 * Half-width of PyTorch's `nn.Linear` initialisation, for kernel and bias:
 * `kaiming_uniform_(weight, a=sqrt(5))` gives gain `sqrt(2 / (1 + 5)) = sqrt(1/3)` and bound
 * `gain * sqrt(3 / fan_in) = 1 / sqrt(fan_in)`; the bias uses the same bound.
 */
export function pytorchInitBound(fanIn: number): number {
  return 1 / Math.sqrt(fanIn);
}

/** Half-width of Glorot (Xavier) uniform initialisation: `sqrt(6 / (fan_in + fan_out))`. */
export function glorotInitBound(fanIn: number, fanOut: number): number {
  return Math.sqrt(6 / (fanIn + fanOut));
}

/**
 * Draws the initial weights of `spec` from `random`, in the order of `trainableVariables`
 * (kernel 0, bias 0, kernel 1, bias 1, ...), kernels laid out `[fan_in, fan_out]` row-major.
 *
 * Draw order, layer by layer: first the kernel in PyTorch's `weight[out][in]` order (output
 * unit by output unit, each over its inputs), then the bias (pytorch only; glorot biases are
 * zero and draw nothing). Value number `o * fan_in + i` of a layer's kernel draws is the
 * weight from input `i` to output `o`, so `kernel[i][o]` here equals `weight[o][i]` of a
 * PyTorch layer filled from the same sequence of numbers.
 */
export function drawInitialWeights(spec: Required<MlpSpec>, random: SeededRandom): Float32Array[] {
  const widths = layerWidths(spec);
  const weights: Float32Array[] = [];
  for (let layer = 1; layer < widths.length; layer++) {
    const fanIn = widths[layer - 1] as number;
    const fanOut = widths[layer] as number;
    const bound = spec.init === 'glorot' ? glorotInitBound(fanIn, fanOut) : pytorchInitBound(fanIn);
    const kernel = new Float32Array(fanIn * fanOut);
    for (let out = 0; out < fanOut; out++) {
      for (let input = 0; input < fanIn; input++) {
        kernel[input * fanOut + out] = random.uniform(-bound, bound);
      }
    }
    const bias = new Float32Array(fanOut);
    if (spec.init === 'pytorch') {
      for (let out = 0; out < fanOut; out++) bias[out] = random.uniform(-bound, bound);
    }
    weights.push(kernel, bias);
  }
  return weights;
}
