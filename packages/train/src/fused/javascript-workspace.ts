import { biasGradient, denseForward, inputGradient, kernelGradient } from './dense-layer-ops.js';
import type { LayerLayout, MlpShape, MlpWorkspace } from './mlp-workspace.js';

/** {@link MlpWorkspace} on plain `Float32Array`s, with the functions of `dense-layer-ops.ts`. */
export class JavascriptWorkspace implements MlpWorkspace {
  readonly kind = 'javascript' as const;
  readonly precision = 'exact' as const;
  readonly parameters: Float32Array;
  readonly gradients: Float32Array;
  inputs: Float32Array = new Float32Array(0);
  outputs: Float32Array = new Float32Array(0);
  outputDeltas: Float32Array = new Float32Array(0);
  private readonly shape: MlpShape;
  private capacity = 0;
  /** Per layer: pre-activations, then activations (the same array for the last layer). */
  private preActivations: Float32Array[] = [];
  private activations: Float32Array[] = [];
  /** Per layer: d(loss)/d(pre-activations). */
  private deltas: Float32Array[] = [];

  constructor(shape: MlpShape) {
    this.shape = shape;
    this.parameters = new Float32Array(shape.parameterCount);
    this.gradients = new Float32Array(shape.parameterCount);
  }

  reserve(rows: number): void {
    if (rows <= this.capacity) return;
    const capacity = Math.max(rows, this.capacity * 2);
    const { layout, inputSize } = this.shape;
    const last = layout.length - 1;
    this.inputs = new Float32Array(capacity * inputSize);
    this.preActivations = layout.map(({ fanOut }) => new Float32Array(capacity * fanOut));
    this.activations = layout.map(({ fanOut }, index) =>
      index === last
        ? (this.preActivations[index] as Float32Array)
        : new Float32Array(capacity * fanOut),
    );
    this.deltas = layout.map(({ fanOut }) => new Float32Array(capacity * fanOut));
    this.outputs = this.preActivations[last] as Float32Array;
    this.outputDeltas = this.deltas[last] as Float32Array;
    this.capacity = capacity;
  }

  forward(rows: number): void {
    const { layout, activation } = this.shape;
    const { parameters } = this;
    const last = layout.length - 1;
    let input = this.inputs;
    for (let index = 0; index <= last; index++) {
      const { fanIn, fanOut, kernelOffset, biasOffset } = layout[index] as LayerLayout;
      const output = this.preActivations[index] as Float32Array;
      denseForward(input, rows, fanIn, fanOut, parameters, kernelOffset, biasOffset, output);
      if (index < last) {
        const activated = this.activations[index] as Float32Array;
        activation.forward(output, activated, rows * fanOut);
        input = activated;
      }
    }
  }

  backward(rows: number): void {
    const { layout, activation } = this.shape;
    const { parameters, gradients } = this;
    for (let index = layout.length - 1; index >= 0; index--) {
      const { fanIn, fanOut, kernelOffset, biasOffset } = layout[index] as LayerLayout;
      const delta = this.deltas[index] as Float32Array;
      const input = index === 0 ? this.inputs : (this.activations[index - 1] as Float32Array);
      kernelGradient(input, delta, rows, fanIn, fanOut, gradients, kernelOffset);
      biasGradient(delta, rows, fanOut, gradients, biasOffset);
      if (index > 0) {
        // Delta below: delta · kernel^T, times the activation's derivative.
        const below = this.deltas[index - 1] as Float32Array;
        inputGradient(delta, rows, fanIn, fanOut, parameters, kernelOffset, below);
        activation.backward(
          below,
          this.preActivations[index - 1] as Float32Array,
          this.activations[index - 1] as Float32Array,
          rows * fanIn,
        );
      }
    }
  }
}
