import { activate, backpropagateActivation, type FusedActivation } from './activations.js';
import { biasGradient, denseForward, inputGradient, kernelGradient } from './dense-layer-ops.js';
import type { FusedLoss } from './loss-gradients.js';
import type { FusedOptimizer } from './optimizer-updates.js';

/** Where one layer's kernel and bias sit in the flat parameter array. */
interface LayerLayout {
  readonly fanIn: number;
  readonly fanOut: number;
  /** Kernel `[fanIn, fanOut]`, row-major, from here. */
  readonly kernelOffset: number;
  /** Bias `[fanOut]` from here. */
  readonly biasOffset: number;
}

/**
 * A whole dense MLP step on typed arrays: forward, loss, backward and the
 * optimizer update, with no tensor and no per-step allocation.
 *
 * Parameters live in one `Float32Array` (kernel 0, bias 0, kernel 1, ...,
 * kernels `[fanIn, fanOut]` row-major, as the model's variables), gradients in
 * another with the same layout. Values are stored as float32 after every
 * operation, as tfjs's cpu kernels store them; sums (the matrix products and
 * the bias gradients) are accumulated in double precision, also as they do.
 */
export class FusedMlpKernel {
  readonly parameters: Float32Array;
  readonly gradients: Float32Array;
  readonly inputSize: number;
  readonly outputSize: number;
  private readonly activation: FusedActivation;
  private readonly layout: readonly LayerLayout[];
  private capacity = 0;
  /** Per layer: pre-activations, then activations (the same array for the last layer). */
  private preActivations: Float32Array[] = [];
  private activations: Float32Array[] = [];
  /** Per layer: d(loss)/d(pre-activations). */
  private deltas: Float32Array[] = [];

  constructor(widths: readonly number[], activation: FusedActivation) {
    const layout: LayerLayout[] = [];
    let offset = 0;
    for (let layer = 1; layer < widths.length; layer++) {
      const fanIn = widths[layer - 1] as number;
      const fanOut = widths[layer] as number;
      layout.push({ fanIn, fanOut, kernelOffset: offset, biasOffset: offset + fanIn * fanOut });
      offset += fanIn * fanOut + fanOut;
    }
    this.layout = layout;
    this.activation = activation;
    this.inputSize = widths[0] as number;
    this.outputSize = widths.at(-1) as number;
    this.parameters = new Float32Array(offset);
    this.gradients = new Float32Array(offset);
  }

  /**
   * The network's outputs for `rows` rows of `inputs` (`inputSize` per row):
   * a view of an internal buffer, valid until the next call.
   */
  forward(inputs: Float32Array, rows: number): Float32Array {
    this.reserve(rows);
    const { parameters, layout } = this;
    const last = layout.length - 1;
    let input = inputs;
    for (let index = 0; index <= last; index++) {
      const { fanIn, fanOut, kernelOffset, biasOffset } = layout[index] as LayerLayout;
      const output = this.preActivations[index] as Float32Array;
      denseForward(input, rows, fanIn, fanOut, parameters, kernelOffset, biasOffset, output);
      if (index < last) {
        const activated = this.activations[index] as Float32Array;
        activate(this.activation, output, activated, rows * fanOut);
        input = activated;
      } else {
        input = output;
      }
    }
    return input;
  }

  /**
   * Forward, loss and backward for one batch: returns the mean loss and
   * leaves d(loss)/d(parameter) in {@link gradients}.
   */
  lossAndGradients(
    inputs: Float32Array,
    targets: Float32Array,
    rows: number,
    loss: FusedLoss,
  ): number {
    const outputs = this.forward(inputs, rows);
    const { layout, parameters, gradients } = this;
    const last = layout.length - 1;
    const outputDelta = this.deltas[last] as Float32Array;
    const value = loss.lossAndGradient(outputs, targets, rows * this.outputSize, outputDelta);
    for (let index = last; index >= 0; index--) {
      const { fanIn, fanOut, kernelOffset, biasOffset } = layout[index] as LayerLayout;
      const delta = this.deltas[index] as Float32Array;
      const input = index === 0 ? inputs : (this.activations[index - 1] as Float32Array);
      kernelGradient(input, delta, rows, fanIn, fanOut, gradients, kernelOffset);
      biasGradient(delta, rows, fanOut, gradients, biasOffset);
      if (index > 0) {
        // Delta below: delta · kernel^T (four inputs at a time), times the activation's derivative.
        const below = this.deltas[index - 1] as Float32Array;
        inputGradient(delta, rows, fanIn, fanOut, parameters, kernelOffset, below);
        backpropagateActivation(
          this.activation,
          below,
          this.preActivations[index - 1] as Float32Array,
          this.activations[index - 1] as Float32Array,
          rows * fanIn,
        );
      }
    }
    return value;
  }

  /** One training step: {@link lossAndGradients}, then `optimizer` updates the parameters. */
  trainStep(
    inputs: Float32Array,
    targets: Float32Array,
    rows: number,
    loss: FusedLoss,
    optimizer: FusedOptimizer,
  ): number {
    const value = this.lossAndGradients(inputs, targets, rows, loss);
    optimizer.step(this.parameters, this.gradients);
    return value;
  }

  /** The mean loss of one batch, without gradients. */
  evaluate(inputs: Float32Array, targets: Float32Array, rows: number, loss: FusedLoss): number {
    return loss.loss(this.forward(inputs, rows), targets, rows * this.outputSize);
  }

  /** Makes the per-layer buffers hold at least `rows` rows. */
  private reserve(rows: number): void {
    if (rows <= this.capacity) return;
    const capacity = Math.max(rows, this.capacity * 2);
    this.preActivations = this.layout.map(({ fanOut }) => new Float32Array(capacity * fanOut));
    this.activations = this.layout.map(({ fanOut }, index) =>
      index === this.layout.length - 1
        ? (this.preActivations[index] as Float32Array)
        : new Float32Array(capacity * fanOut),
    );
    this.deltas = this.layout.map(({ fanOut }) => new Float32Array(capacity * fanOut));
    this.capacity = capacity;
  }
}
