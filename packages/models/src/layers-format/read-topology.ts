import { InvalidArgumentError } from '@epochlab/tensor/errors';
import { ACTIVATIONS, type Activation } from '../activations/activation-registry.js';
import { LEAKY_RELU_SLOPE } from '../activations/leaky-relu.js';
import type { InitScheme } from '../mlp-spec.js';

/** What a Sequential topology says about an MLP, before the spec is validated. */
export interface TopologyReading {
  /** Input width from the topology, if it records one. */
  inputSize: number | undefined;
  /** Units of each Dense layer, input side first. */
  units: number[];
  /** Activation of the hidden layers. */
  activation: Activation;
  init: InitScheme;
  /** Name of each Dense layer: its weights are `<name>/kernel` and `<name>/bias`. */
  denseLayerNames: string[];
}

interface DenseReading {
  name: string;
  units: number;
  activation: Activation;
  path: string;
  kernelInitializer: unknown;
}

/** Activation strings of Dense and Activation layers this package can run, from `ACTIVATIONS`. */
const LAYER_ACTIVATIONS = new Map<unknown, Activation>(
  ACTIVATIONS.flatMap(({ name, layersActivation }) =>
    layersActivation === undefined ? [] : [[layersActivation, name] as const],
  ),
);

const LAYER_CLASSES = 'one of InputLayer, Dense, LeakyReLU, Activation';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readActivation(value: unknown, path: string): Activation {
  const activation = LAYER_ACTIVATIONS.get(value ?? 'linear');
  if (!activation) {
    throw new InvalidArgumentError(
      path,
      `one of ${[...LAYER_ACTIVATIONS.keys()].join(', ')}`,
      value,
    );
  }
  return activation;
}

/** The input width a layer config declares (`batch_input_shape`, `batch_shape` or `input_dim`). */
function declaredInputSize(config: Record<string, unknown>): number | undefined {
  const shape = config.batch_input_shape ?? config.batchInputShape ?? config.batch_shape;
  if (Array.isArray(shape) && shape.length > 0) return shape[shape.length - 1] as number;
  const inputDim = config.input_dim ?? config.inputDim;
  return typeof inputDim === 'number' ? inputDim : undefined;
}

/** Glorot uniform, however it was written; anything else reads as the default, pytorch. */
function readInit(kernelInitializer: unknown): InitScheme {
  if (!isRecord(kernelInitializer)) return 'pytorch';
  if (kernelInitializer.class_name === 'GlorotUniform') return 'glorot';
  const config = kernelInitializer.config;
  const isGlorotUniform =
    kernelInitializer.class_name === 'VarianceScaling' &&
    isRecord(config) &&
    config.scale === 1 &&
    config.mode === 'fan_avg' &&
    config.distribution === 'uniform';
  return isGlorotUniform ? 'glorot' : 'pytorch';
}

/**
 * Reads the MLP a Sequential layers-model topology describes: the files this package writes,
 * and tfjs-layers or Keras Sequential models of the same shape (Dense layers with bias, one
 * hidden activation given as the Dense activation or as a LeakyReLU (alpha 0.01) or Activation
 * layer after it, a linear last layer). Throws `InvalidArgumentError` naming the field that
 * does not fit, such as `modelTopology.config.layers[3].class_name`.
 */
export function readSequentialTopology(modelTopology: unknown): TopologyReading {
  if (!isRecord(modelTopology) || modelTopology instanceof ArrayBuffer) {
    throw new InvalidArgumentError(
      'modelTopology',
      'a layers-model topology (a JSON object; graph models are not MLPs)',
      modelTopology instanceof ArrayBuffer ? 'binary data' : modelTopology,
    );
  }
  // Files converted from Keras nest the model one level down.
  const root = isRecord(modelTopology.model_config) ? modelTopology.model_config : modelTopology;
  if (root.class_name !== 'Sequential') {
    throw new InvalidArgumentError(
      'modelTopology.class_name',
      '"Sequential" (a stack of Dense layers)',
      root.class_name,
    );
  }
  const layers = Array.isArray(root.config)
    ? root.config
    : isRecord(root.config)
      ? root.config.layers
      : undefined;
  const layersPath = 'modelTopology.config.layers';
  if (!Array.isArray(layers)) {
    throw new InvalidArgumentError(layersPath, 'a list of layers', layers);
  }

  const dense: DenseReading[] = [];
  let inputSize: number | undefined;
  let postActivationAllowed = false;
  layers.forEach((layer: unknown, index) => {
    const path = `${layersPath}[${index}]`;
    if (!isRecord(layer) || !isRecord(layer.config)) {
      throw new InvalidArgumentError(path, 'a { class_name, config } object', layer);
    }
    const config = layer.config;
    if (dense.length === 0) inputSize ??= declaredInputSize(config);
    const attachActivation = (activation: Activation) => {
      const previous = dense[dense.length - 1];
      if (!previous || !postActivationAllowed) {
        throw new InvalidArgumentError(
          `${path}.class_name`,
          'an activation layer only right after a Dense layer without activation',
          layer.class_name,
        );
      }
      previous.activation = activation;
      postActivationAllowed = false;
    };
    switch (layer.class_name) {
      case 'InputLayer':
        if (dense.length > 0) {
          throw new InvalidArgumentError(
            `${path}.class_name`,
            'InputLayer only first',
            'InputLayer',
          );
        }
        return;
      case 'Dense': {
        const units = config.units;
        if (typeof units !== 'number') {
          throw new InvalidArgumentError(`${path}.config.units`, 'a whole number', units);
        }
        const useBias = config.use_bias ?? config.useBias ?? true;
        if (useBias !== true) {
          throw new InvalidArgumentError(
            `${path}.config.use_bias`,
            'true (MLP layers have a bias)',
            useBias,
          );
        }
        if (typeof config.name !== 'string' || config.name.length === 0) {
          throw new InvalidArgumentError(`${path}.config.name`, 'the layer name', config.name);
        }
        const activation = readActivation(config.activation, `${path}.config.activation`);
        dense.push({
          name: config.name,
          units,
          activation,
          path,
          kernelInitializer: config.kernel_initializer ?? config.kernelInitializer,
        });
        postActivationAllowed = activation === 'linear';
        return;
      }
      case 'LeakyReLU': {
        // Keras's default slope is 0.3; only PyTorch's 0.01 is an epochlab activation.
        const alpha = config.alpha ?? config.negative_slope ?? 0.3;
        if (typeof alpha !== 'number' || Math.abs(alpha - LEAKY_RELU_SLOPE) > 1e-7) {
          throw new InvalidArgumentError(`${path}.config.alpha`, `${LEAKY_RELU_SLOPE}`, alpha);
        }
        attachActivation('leakyRelu');
        return;
      }
      case 'Activation':
        attachActivation(readActivation(config.activation, `${path}.config.activation`));
        return;
      default:
        throw new InvalidArgumentError(`${path}.class_name`, LAYER_CLASSES, layer.class_name);
    }
  });

  const first = dense[0];
  const last = dense[dense.length - 1];
  if (!first || !last || dense.length < 2) {
    throw new InvalidArgumentError(
      layersPath,
      'at least two Dense layers (an MLP with one hidden layer or more)',
      `${dense.length} Dense layers`,
    );
  }
  if (last.activation !== 'linear') {
    throw new InvalidArgumentError(
      `${last.path}`,
      'a linear last layer (no activation after the output)',
      last.activation,
    );
  }
  for (const hidden of dense.slice(1, -1)) {
    if (hidden.activation !== first.activation) {
      throw new InvalidArgumentError(
        `${hidden.path}`,
        `the activation of the first hidden layer (${first.activation})`,
        hidden.activation,
      );
    }
  }
  return {
    inputSize,
    units: dense.map((layer) => layer.units),
    activation: first.activation,
    init: readInit(first.kernelInitializer),
    denseLayerNames: dense.map((layer) => layer.name),
  };
}
