/**
 * A plain double-precision MLP (dense layers, LeakyReLU with slope 0.01 after
 * every layer but the last, kernels `[fan_in, fan_out]` row-major as
 * `Mlp.getWeights()` returns them), with the L1 loss and its gradient by the
 * chain rule. It shares no code with tfjs: an independent reference for one
 * training step.
 */
export function referenceL1Gradient(
  weights: readonly Float32Array[],
  xs: readonly number[],
  ys: readonly number[],
): { loss: number; gradients: number[][] } {
  const layerCount = weights.length / 2;
  const slope = 0.01;
  const n = xs.length;
  // Forward, keeping every layer's pre-activation z and activation a; a[0] is the input.
  const activations: number[][][] = [xs.map((x) => [x])];
  const preActivations: number[][][] = [];
  for (let layer = 0; layer < layerCount; layer++) {
    const kernel = weights[2 * layer] as Float32Array;
    const bias = weights[2 * layer + 1] as Float32Array;
    const fanOut = bias.length;
    const input = activations[layer] as number[][];
    const fanIn = (input[0] as number[]).length;
    const z = input.map((row) =>
      Array.from({ length: fanOut }, (_, j) => {
        let sum = bias[j] as number;
        for (let i = 0; i < fanIn; i++)
          sum += (row[i] as number) * (kernel[i * fanOut + j] as number);
        return sum;
      }),
    );
    preActivations.push(z);
    const last = layer === layerCount - 1;
    activations.push(last ? z : z.map((row) => row.map((v) => (v >= 0 ? v : slope * v))));
  }
  const output = activations[layerCount] as number[][];
  const loss =
    output.reduce((sum, row, k) => sum + Math.abs((row[0] as number) - (ys[k] as number)), 0) / n;

  // Backward: dL/dz of the output is sign(prediction - target) / n.
  const gradients: number[][] = new Array(weights.length);
  let delta = output.map((row, k) => [Math.sign((row[0] as number) - (ys[k] as number)) / n]);
  for (let layer = layerCount - 1; layer >= 0; layer--) {
    const kernel = weights[2 * layer] as Float32Array;
    const fanOut = (delta[0] as number[]).length;
    const input = activations[layer] as number[][];
    const fanIn = (input[0] as number[]).length;
    const kernelGradient = new Array<number>(fanIn * fanOut).fill(0);
    const biasGradient = new Array<number>(fanOut).fill(0);
    input.forEach((row, k) => {
      const d = delta[k] as number[];
      for (let j = 0; j < fanOut; j++) {
        biasGradient[j] = (biasGradient[j] as number) + (d[j] as number);
        for (let i = 0; i < fanIn; i++) {
          kernelGradient[i * fanOut + j] =
            (kernelGradient[i * fanOut + j] as number) + (row[i] as number) * (d[j] as number);
        }
      }
    });
    gradients[2 * layer] = kernelGradient;
    gradients[2 * layer + 1] = biasGradient;
    if (layer > 0) {
      const below = preActivations[layer - 1] as number[][];
      delta = delta.map((d, k) =>
        Array.from({ length: fanIn }, (_, i) => {
          let sum = 0;
          for (let j = 0; j < fanOut; j++)
            sum += (d[j] as number) * (kernel[i * fanOut + j] as number);
          return ((below[k] as number[])[i] as number) >= 0 ? sum : slope * sum;
        }),
      );
    }
  }
  return { loss, gradients };
}
