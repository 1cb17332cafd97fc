import {
  type DenseMlpV1,
  EpochlabError,
  InvalidArgumentError,
  type SeededRandom,
  type Tensor2D,
  tf,
  type Variable,
} from '@epochlab/tensor';
import type { ActivationFunction } from './activations/activation-function.js';
import { type Activation, activationFunction } from './activations/activation-registry.js';
import { drawInitialWeights } from './initialisation.js';
import { resolveSaveHandler, type SaveTarget } from './io-handlers.js';
import { toArtifacts } from './layers-format/to-artifacts.js';
import { layerWidths, type MlpSpec, validateMlpSpec } from './mlp-spec.js';

/** The trainable weights of one fully connected layer: `output = input · kernel + bias`. */
export interface DenseLayerWeights {
  /** Shape `[fan_in, fan_out]` (the transpose of PyTorch's `weight`). */
  readonly kernel: Variable;
  /** Shape `[fan_out]`. */
  readonly bias: Variable;
}

/** One layer's computation: kernel, bias and activation, in as few ops as the backend allows. */
type LayerStep = (input: Tensor2D, layer: DenseLayerWeights) => Tensor2D;

/**
 * A layer with `activation`: matMul, bias and activation as one fused op where
 * tfjs has a fused kernel for the activation, else the fused matMul and bias,
 * then the activation's own op.
 */
function layerStep({ tfjs }: ActivationFunction): LayerStep {
  if ('after' in tfjs) {
    return (input, layer) => tfjs.after(linearStep(input, layer), tf);
  }
  const { fusedMatMul, leakyreluAlpha } = tfjs;
  return (input, { kernel, bias }) =>
    tf.fused.matMul({
      a: input,
      b: kernel,
      bias,
      activation: fusedMatMul,
      ...(leakyreluAlpha === undefined ? {} : { leakyreluAlpha }),
    }) as Tensor2D;
}

/** The output layer: matMul and bias in one fused op. */
const linearStep: LayerStep = (input, { kernel, bias }) =>
  tf.fused.matMul({ a: input, b: kernel, bias, activation: 'linear' }) as Tensor2D;

interface WeightShape {
  readonly name: string;
  readonly shape: [number] | [number, number];
  readonly size: number;
}

/** Names and shapes of the weights of `spec`, in `trainableVariables` order. */
function weightShapes(spec: Required<MlpSpec>): WeightShape[] {
  const widths = layerWidths(spec);
  const shapes: WeightShape[] = [];
  for (let layer = 1; layer < widths.length; layer++) {
    const fanIn = widths[layer - 1] as number;
    const fanOut = widths[layer] as number;
    shapes.push(
      { name: `kernel of layer ${layer - 1}`, shape: [fanIn, fanOut], size: fanIn * fanOut },
      { name: `bias of layer ${layer - 1}`, shape: [fanOut], size: fanOut },
    );
  }
  return shapes;
}

type WeightValues = Float32Array | readonly number[];

/** Throws `InvalidArgumentError` unless `weights` has one array of the right length per variable. */
function validateWeights(shapes: readonly WeightShape[], weights: unknown, parameter: string) {
  if (!Array.isArray(weights) || weights.length !== shapes.length) {
    throw new InvalidArgumentError(
      parameter,
      `a list of ${shapes.length} arrays (kernel and bias of each layer)`,
      Array.isArray(weights) ? `${weights.length} arrays` : weights,
    );
  }
  shapes.forEach((expected, index) => {
    const values: unknown = weights[index];
    const ok =
      (values instanceof Float32Array || Array.isArray(values)) && values.length === expected.size;
    if (!ok) {
      const length = (values as { length?: unknown } | null)?.length;
      throw new InvalidArgumentError(
        `${parameter}[${index}]`,
        `${expected.size} numbers (the ${expected.name}, shape [${expected.shape.join(', ')}])`,
        typeof length === 'number' ? `${length} numbers` : values,
      );
    }
  });
  return weights as readonly WeightValues[];
}

/** Copies `values` into a new float32 tensor (tfjs may keep a typed array it is given). */
function tensorOf(values: WeightValues, shape: readonly number[]) {
  return tf.tensor(Float32Array.from(values), [...shape], 'float32');
}

/**
 * A multilayer perceptron held as plain tfjs variables: a kernel `[fan_in, fan_out]` and a bias
 * `[fan_out]` per layer, the activation after every layer but the last.
 *
 * Build one with {@link createMlp} (seeded initialisation) or {@link createMlpFromWeights}.
 * The model owns its variables: call {@link Mlp.dispose} when done with it.
 */
export class Mlp implements DenseMlpV1 {
  /** Declares the `DenseMlpV1` contract, which `@epochlab/train`'s fused path reads. */
  readonly specificationVersion = 'dense-mlp-v1' as const;
  /** The validated spec, defaults filled in. */
  readonly spec: Required<MlpSpec>;
  /** Kernel and bias of each layer, input side first. */
  readonly layers: readonly DenseLayerWeights[];
  /** `kernel0, bias0, kernel1, bias1, ...`: what an optimiser updates. */
  readonly trainableVariables: Variable[];
  /** Number of trainable numbers (405 for the notebook's 1-12-12-16-1). */
  readonly parameterCount: number;
  private readonly hiddenStep: LayerStep;
  private disposed = false;

  /**
   * Wraps existing variables, taking ownership of them. Their shapes must match `spec`.
   * Most code wants {@link createMlp} or {@link createMlpFromWeights} instead.
   */
  constructor(spec: MlpSpec, layers: readonly DenseLayerWeights[]) {
    this.spec = validateMlpSpec(spec);
    const shapes = weightShapes(this.spec);
    const variables = layers.flatMap((layer) => [layer.kernel, layer.bias]);
    if (variables.length !== shapes.length) {
      throw new InvalidArgumentError('layers', `${shapes.length / 2} layers`, layers.length);
    }
    shapes.forEach((expected, index) => {
      const variable = variables[index] as Variable;
      const matches =
        variable.dtype === 'float32' &&
        variable.shape.length === expected.shape.length &&
        variable.shape.every((size, axis) => size === expected.shape[axis]);
      if (!matches) {
        throw new InvalidArgumentError(
          `layers[${index >> 1}].${index % 2 === 0 ? 'kernel' : 'bias'}`,
          `a float32 variable of shape [${expected.shape.join(', ')}] (the ${expected.name})`,
          `${variable.dtype} [${variable.shape.join(', ')}]`,
        );
      }
    });
    this.layers = Object.freeze([...layers]);
    this.trainableVariables = variables;
    this.parameterCount = shapes.reduce((sum, shape) => sum + shape.size, 0);
    this.hiddenStep = layerStep(activationFunction(this.spec.activation) as ActivationFunction);
  }

  /** The hidden layers' activation (`spec.activation`). */
  get activation(): Activation {
    return this.spec.activation;
  }

  /** Whether {@link Mlp.dispose} was called. */
  get isDisposed(): boolean {
    return this.disposed;
  }

  /**
   * Runs the network on a batch: `[batch, inputSize]` in, `[batch, outputSize]` out.
   * Creates intermediate tensors and does not tidy them: call it inside `tf.tidy`,
   * `optimizer.minimize` or `tf.variableGrads`, which is where training wants it.
   * One fused op per layer (matMul + bias + activation), two for `tanh`.
   */
  forward(x: Tensor2D): Tensor2D {
    this.assertUsable();
    if (x.rank !== 2 || x.shape[1] !== this.spec.inputSize) {
      throw new InvalidArgumentError(
        'input',
        `a tensor of shape [batch, ${this.spec.inputSize}]`,
        x.shape,
      );
    }
    const last = this.layers.length - 1;
    let activations = x;
    for (let index = 0; index < last; index++) {
      activations = this.hiddenStep(activations, this.layers[index] as DenseLayerWeights);
    }
    return linearStep(activations, this.layers[last] as DenseLayerWeights);
  }

  /**
   * Predictions for plain numbers, for plotting: `x` holds `inputSize` numbers per row,
   * row-major (with `inputSize` 1, just the inputs). Returns `outputSize` numbers per row.
   * Tidies its own tensors; reads the result synchronously (see {@link Mlp.predictAsync}).
   */
  predict(x: readonly number[] | Float32Array): Float32Array {
    const output = this.predictTensor(x);
    if (!output) return new Float32Array(0);
    try {
      return new Float32Array(output.dataSync());
    } finally {
      output.dispose();
    }
  }

  /** {@link Mlp.predict} without blocking on the read-back (better on GPU backends). */
  async predictAsync(x: readonly number[] | Float32Array): Promise<Float32Array> {
    const output = this.predictTensor(x);
    if (!output) return new Float32Array(0);
    try {
      return new Float32Array(await output.data());
    } finally {
      output.dispose();
    }
  }

  /** Copies of the weights, in `trainableVariables` order (kernels row-major `[fan_in, fan_out]`). */
  getWeights(): Float32Array[] {
    this.assertUsable();
    return this.trainableVariables.map((variable) => new Float32Array(variable.dataSync()));
  }

  /** {@link Mlp.getWeights} without blocking on the read-back. */
  async getWeightsAsync(): Promise<Float32Array[]> {
    this.assertUsable();
    return Promise.all(
      this.trainableVariables.map(async (variable) => new Float32Array(await variable.data())),
    );
  }

  /**
   * Overwrites every weight, in `trainableVariables` order. Checks every length first, so a
   * bad list changes nothing (`InvalidArgumentError` naming `weights[i]` and its size).
   */
  setWeights(weights: readonly WeightValues[]): void {
    this.assertUsable();
    const checked = validateWeights(weightShapes(this.spec), weights, 'weights');
    tf.tidy(() => {
      this.trainableVariables.forEach((variable, index) => {
        variable.assign(tensorOf(checked[index] as WeightValues, variable.shape));
      });
    });
  }

  /**
   * Saves the model in the TensorFlow.js layers-model format through a tf.io handler or URL
   * (`downloads://name`, `indexeddb://name`, `localstorage://name` in browsers). In Node, use
   * `saveMlp` from `@epochlab/models/node`, or pass its `fileSystemHandler(directory)` here.
   */
  async save(target: SaveTarget): Promise<tf.io.SaveResult> {
    const handler = resolveSaveHandler(target);
    return handler.save(await toArtifacts(this));
  }

  /** Frees the variables. Calling it again does nothing; using the model afterwards throws. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const variable of this.trainableVariables) variable.dispose();
  }

  private predictTensor(x: readonly number[] | Float32Array): Tensor2D | undefined {
    this.assertUsable();
    const { inputSize } = this.spec;
    if (!(Array.isArray(x) || x instanceof Float32Array) || x.length % inputSize !== 0) {
      throw new InvalidArgumentError(
        'x',
        `a list of numbers, ${inputSize} per row (row-major)`,
        Array.isArray(x) || x instanceof Float32Array ? `${x.length} numbers` : x,
      );
    }
    const rows = x.length / inputSize;
    if (rows === 0) return undefined;
    return tf.tidy(() => this.forward(tf.tensor2d(x as number[], [rows, inputSize], 'float32')));
  }

  private assertUsable(): void {
    if (this.disposed) throw new EpochlabError('this Mlp was disposed; its weights are gone');
  }
}

/**
 * Builds an MLP with float32 variables holding copies of `weights` (in `trainableVariables`
 * order, kernels row-major `[fan_in, fan_out]`). Validates the spec and every length.
 */
export function createMlpFromWeights(spec: MlpSpec, weights: readonly WeightValues[]): Mlp {
  const validSpec = validateMlpSpec(spec);
  const shapes = weightShapes(validSpec);
  const checked = validateWeights(shapes, weights, 'weights');
  const layers: DenseLayerWeights[] = [];
  for (let index = 0; index < shapes.length; index += 2) {
    const [kernel, bias] = [index, index + 1].map((at) => {
      const initial = tensorOf(checked[at] as WeightValues, (shapes[at] as WeightShape).shape);
      const variable = tf.variable(initial, true);
      initial.dispose();
      return variable;
    }) as [Variable, Variable];
    layers.push({ kernel, bias });
  }
  return new Mlp(validSpec, layers);
}

/**
 * Builds an MLP from a spec with seeded initial weights drawn from `random` (pass a dedicated
 * stream, for example `new SeededRandom(seed).stream('init')`).
 *
 * - `pytorch` (default), as `nn.Linear.reset_parameters`: kernel and bias from
 *   U(-1/sqrt(fan_in), 1/sqrt(fan_in)), which is what `kaiming_uniform_(a=sqrt(5))` gives.
 * - `glorot`: kernel from U(-sqrt(6/(fan_in+fan_out)), sqrt(6/(fan_in+fan_out))), bias 0.
 *
 * Draw order, layer by layer from the input: the kernel in PyTorch's `weight[out][in]`
 * order (all inputs of output 0, then of output 1, ...), then the bias (pytorch only).
 * Throws `InvalidArgumentError` for a bad spec.
 */
export function createMlp(spec: MlpSpec, random: SeededRandom): Mlp {
  const validSpec = validateMlpSpec(spec);
  if (typeof random?.uniform !== 'function') {
    throw new InvalidArgumentError('random', 'a SeededRandom', random);
  }
  return createMlpFromWeights(validSpec, drawInitialWeights(validSpec, random));
}
