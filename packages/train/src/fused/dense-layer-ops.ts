/**
 * The products of a dense layer's forward and backward pass, on float32 arrays with row-major
 * layouts (kernel `[fanIn, fanOut]` at `kernelOffset` of `parameters`). Each
 * result element is one sum in double precision, in the same order as tfjs's
 * cpu matMul and sum kernels add (then stored as float32); four independent
 * sums run side by side, which keeps each sum's order and lets the CPU
 * overlap them. Small functions on purpose: the JIT optimises them early.
 * `wasm/mlp-passes.wat` computes the same bits with SIMD; these run where it cannot.
 */

/** `output = input · kernel + bias` for `rows` rows. */
export function denseForward(
  input: Float32Array,
  rows: number,
  fanIn: number,
  fanOut: number,
  parameters: Float32Array,
  kernelOffset: number,
  biasOffset: number,
  output: Float32Array,
): void {
  for (let row = 0; row < rows; row++) {
    const inputRow = row * fanIn;
    const outputRow = row * fanOut;
    let o = 0;
    // Four outputs at a time: four independent sums, each in input order.
    for (; o + 3 < fanOut; o += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0, w = kernelOffset + o; i < fanIn; i++, w += fanOut) {
        const x = input[inputRow + i] as number;
        s0 += x * (parameters[w] as number);
        s1 += x * (parameters[w + 1] as number);
        s2 += x * (parameters[w + 2] as number);
        s3 += x * (parameters[w + 3] as number);
      }
      const at = outputRow + o;
      const bias = biasOffset + o;
      output[at] = Math.fround(s0) + (parameters[bias] as number);
      output[at + 1] = Math.fround(s1) + (parameters[bias + 1] as number);
      output[at + 2] = Math.fround(s2) + (parameters[bias + 2] as number);
      output[at + 3] = Math.fround(s3) + (parameters[bias + 3] as number);
    }
    for (; o < fanOut; o++) {
      let sum = 0;
      for (let i = 0, w = kernelOffset + o; i < fanIn; i++, w += fanOut) {
        sum += (input[inputRow + i] as number) * (parameters[w] as number);
      }
      output[outputRow + o] = Math.fround(sum) + (parameters[biasOffset + o] as number);
    }
  }
}

/** `gradients[kernel] = input^T · delta`. */
export function kernelGradient(
  input: Float32Array,
  delta: Float32Array,
  rows: number,
  fanIn: number,
  fanOut: number,
  gradients: Float32Array,
  kernelOffset: number,
): void {
  // Kernel gradient: input^T · delta, four outputs at a time, each summed in row order.
  for (let i = 0; i < fanIn; i++) {
    const target = kernelOffset + i * fanOut;
    let o = 0;
    for (; o + 3 < fanOut; o += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let row = 0, d = o; row < rows; row++, d += fanOut) {
        const x = input[row * fanIn + i] as number;
        s0 += x * (delta[d] as number);
        s1 += x * (delta[d + 1] as number);
        s2 += x * (delta[d + 2] as number);
        s3 += x * (delta[d + 3] as number);
      }
      gradients[target + o] = s0;
      gradients[target + o + 1] = s1;
      gradients[target + o + 2] = s2;
      gradients[target + o + 3] = s3;
    }
    for (; o < fanOut; o++) {
      let sum = 0;
      for (let row = 0, d = o; row < rows; row++, d += fanOut) {
        sum += (input[row * fanIn + i] as number) * (delta[d] as number);
      }
      gradients[target + o] = sum;
    }
  }
}

/** `gradients[bias] = delta` summed over rows. */
export function biasGradient(
  delta: Float32Array,
  rows: number,
  fanOut: number,
  gradients: Float32Array,
  biasOffset: number,
): void {
  // Bias gradient: delta summed over rows.
  for (let o = 0; o < fanOut; o++) {
    let sum = 0;
    for (let row = 0, d = o; row < rows; row++, d += fanOut) sum += delta[d] as number;
    gradients[biasOffset + o] = sum;
  }
}

/** `below = delta · kernel^T`: the gradient with respect to the layer's input. */
export function inputGradient(
  delta: Float32Array,
  rows: number,
  fanIn: number,
  fanOut: number,
  parameters: Float32Array,
  kernelOffset: number,
  below: Float32Array,
): void {
  for (let row = 0; row < rows; row++) {
    const deltaRow = row * fanOut;
    const belowRow = row * fanIn;
    let i = 0;
    for (; i + 3 < fanIn; i += 4) {
      const w0 = kernelOffset + i * fanOut;
      const w1 = w0 + fanOut;
      const w2 = w1 + fanOut;
      const w3 = w2 + fanOut;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let o = 0; o < fanOut; o++) {
        const d = delta[deltaRow + o] as number;
        s0 += d * (parameters[w0 + o] as number);
        s1 += d * (parameters[w1 + o] as number);
        s2 += d * (parameters[w2 + o] as number);
        s3 += d * (parameters[w3 + o] as number);
      }
      below[belowRow + i] = s0;
      below[belowRow + i + 1] = s1;
      below[belowRow + i + 2] = s2;
      below[belowRow + i + 3] = s3;
    }
    for (; i < fanIn; i++) {
      const weights = kernelOffset + i * fanOut;
      let sum = 0;
      for (let o = 0; o < fanOut; o++) {
        sum += (delta[deltaRow + o] as number) * (parameters[weights + o] as number);
      }
      below[belowRow + i] = sum;
    }
  }
}
