import { InvalidArgumentError } from '@epochlab/tensor/errors';
import {
  ACTIVATION_NAMES,
  type Activation,
  isActivation,
} from './activations/activation-registry.js';

/** Initialisation schemes a spec accepts, in the order error messages list them. */
export const INIT_SCHEMES = ['pytorch', 'glorot'] as const;

/**
 * How the weights start (see `createMlp` for the formulas and the draw order):
 * - `pytorch`: PyTorch's `nn.Linear` default, kernel and bias from U(-1/sqrt(fan_in), 1/sqrt(fan_in));
 * - `glorot`: Glorot (Xavier) uniform kernel, U(-sqrt(6/(fan_in+fan_out)), +sqrt(...)), zero bias.
 */
export type InitScheme = (typeof INIT_SCHEMES)[number];

/** Largest layer size accepted (inputs, hidden units or outputs). */
export const MAX_LAYER_SIZE = 1_000_000;

/** The shape of a multilayer perceptron: fully connected layers with one activation. */
export interface MlpSpec {
  /** Number of input features (columns of the input). */
  inputSize: number;
  /** Units of each hidden layer, first to last; at least one. */
  hiddenSizes: number[];
  /** Number of outputs (columns of the prediction). */
  outputSize: number;
  /** Activation after every layer but the last; default `leakyRelu`. */
  activation?: Activation;
  /** Initial weights; default `pytorch`. */
  init?: InitScheme;
}

/**
 * The notebook's model: `nn.Sequential(Linear(1,12), LeakyReLU(), Linear(12,12), LeakyReLU(),
 * Linear(12,16), LeakyReLU(), Linear(16,1))`, 405 parameters.
 */
export const NOTEBOOK_MLP: MlpSpec = Object.freeze({
  inputSize: 1,
  hiddenSizes: Object.freeze([12, 12, 16]) as number[],
  outputSize: 1,
  activation: 'leakyRelu',
  init: 'pytorch',
});

const SIZE_RULE = `a whole number from 1 to ${MAX_LAYER_SIZE}`;

function validateSize(value: unknown, field: string): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < 1 ||
    value > MAX_LAYER_SIZE
  ) {
    throw new InvalidArgumentError(field, SIZE_RULE, value);
  }
  return value;
}

/**
 * Checks a spec and fills in the defaults. Returns a frozen copy; throws
 * `InvalidArgumentError` naming the first bad field (`inputSize`, `hiddenSizes[1]`,
 * `activation`, ...) and what it accepts.
 */
export function validateMlpSpec(spec: unknown): Required<MlpSpec> {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new InvalidArgumentError(
      'spec',
      'an object with inputSize, hiddenSizes and outputSize',
      spec,
    );
  }
  const fields = spec as Record<string, unknown>;
  const inputSize = validateSize(fields.inputSize, 'inputSize');
  const hiddenSizes = fields.hiddenSizes;
  if (!Array.isArray(hiddenSizes) || hiddenSizes.length === 0) {
    throw new InvalidArgumentError(
      'hiddenSizes',
      `a non-empty list of layer sizes, each ${SIZE_RULE}`,
      hiddenSizes,
    );
  }
  const hidden = hiddenSizes.map((size, index) => validateSize(size, `hiddenSizes[${index}]`));
  const outputSize = validateSize(fields.outputSize, 'outputSize');
  const activation = fields.activation ?? 'leakyRelu';
  if (!isActivation(activation)) {
    throw new InvalidArgumentError(
      'activation',
      `one of ${ACTIVATION_NAMES.join(', ')}`,
      activation,
    );
  }
  const init = fields.init ?? 'pytorch';
  if (!(INIT_SCHEMES as readonly unknown[]).includes(init)) {
    throw new InvalidArgumentError('init', `one of ${INIT_SCHEMES.join(', ')}`, init);
  }
  return Object.freeze({
    inputSize,
    hiddenSizes: Object.freeze(hidden) as number[],
    outputSize,
    activation,
    init: init as InitScheme,
  });
}

/** Layer widths from input to output: `[inputSize, ...hiddenSizes, outputSize]`. */
export function layerWidths(spec: Pick<MlpSpec, 'inputSize' | 'hiddenSizes' | 'outputSize'>) {
  return [spec.inputSize, ...spec.hiddenSizes, spec.outputSize];
}

/**
 * Number of trainable parameters, from the formula sum over layers of
 * `fan_in * fan_out + fan_out` (kernel plus bias), without building the model.
 * Validates the spec first.
 */
export function countMlpParameters(spec: MlpSpec): number {
  const widths = layerWidths(validateMlpSpec(spec));
  let count = 0;
  for (let layer = 1; layer < widths.length; layer++) {
    const fanIn = widths[layer - 1] as number;
    const fanOut = widths[layer] as number;
    count += fanIn * fanOut + fanOut;
  }
  return count;
}
