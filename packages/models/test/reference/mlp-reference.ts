/**
 * An MLP forward pass in plain JavaScript loops and float64 arithmetic, written from the
 * definitions (output = input · kernel + bias, then the activation), as an independent
 * reference for the tfjs implementation.
 */
export type ReferenceActivation = 'leakyRelu' | 'relu' | 'tanh' | 'sigmoid' | 'linear';

const activations: Record<ReferenceActivation, (x: number) => number> = {
  leakyRelu: (x) => (x >= 0 ? x : 0.01 * x), // PyTorch nn.LeakyReLU(negative_slope=0.01)
  relu: (x) => Math.max(0, x),
  tanh: (x) => Math.tanh(x),
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  linear: (x) => x,
};

/**
 * `widths` = [input, ...hidden, output]; `weights` = [kernel0, bias0, ...] with kernels
 * row-major [fan_in, fan_out]; `inputs` row-major [rows, input]. Returns row-major [rows, output].
 */
export function referenceForward(
  widths: readonly number[],
  weights: readonly ArrayLike<number>[],
  activation: ReferenceActivation,
  inputs: readonly number[],
): number[] {
  const inputSize = widths[0] as number;
  const rows = inputs.length / inputSize;
  const outputs: number[] = [];
  for (let row = 0; row < rows; row++) {
    let current = inputs.slice(row * inputSize, (row + 1) * inputSize);
    for (let layer = 0; layer + 1 < widths.length; layer++) {
      const fanIn = widths[layer] as number;
      const fanOut = widths[layer + 1] as number;
      const kernel = weights[2 * layer] as ArrayLike<number>;
      const bias = weights[2 * layer + 1] as ArrayLike<number>;
      const isLast = layer + 2 === widths.length;
      const next: number[] = [];
      for (let out = 0; out < fanOut; out++) {
        let sum = bias[out] as number;
        for (let input = 0; input < fanIn; input++) {
          sum += (current[input] as number) * (kernel[input * fanOut + out] as number);
        }
        next.push(isLast ? sum : activations[activation](sum));
      }
      current = next;
    }
    outputs.push(...current);
  }
  return outputs;
}

/** Largest absolute difference between two equally long lists. */
export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let max = 0;
  for (let i = 0; i < a.length; i++)
    max = Math.max(max, Math.abs((a[i] as number) - (b[i] as number)));
  return max;
}
