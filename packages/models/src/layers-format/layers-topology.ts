import { tf } from '@epochlab/tensor';
import type { ActivationFunction } from '../activations/activation-function.js';
import { activationFunction } from '../activations/activation-registry.js';
import { LEAKY_RELU_SLOPE } from '../activations/leaky-relu.js';
import { pytorchInitBound } from '../initialisation.js';
import { layerWidths, type MlpSpec } from '../mlp-spec.js';

/** A serialised Keras/tfjs-layers object: `{ class_name, config }`. */
export interface KerasObject {
  class_name: string;
  config: Record<string, unknown>;
}

/** The `modelTopology` of a Sequential layers model, as tfjs-layers writes it. */
export interface SequentialTopology {
  class_name: 'Sequential';
  config: { name: string; layers: KerasObject[] };
  keras_version: string;
  backend: string;
}

/** Name of the `n`-th Dense layer (from 1), the way tfjs-layers names them. */
export function denseLayerName(n: number): string {
  return `dense_Dense${n}`;
}

/** Name of the `n`-th LeakyReLU layer (from 1), the way tfjs-layers names them. */
export function leakyReluLayerName(n: number): string {
  return `leaky_re_lu_LeakyReLU${n}`;
}

/**
 * The initialisers recorded in the topology describe the scheme exactly:
 * - pytorch: kernel VarianceScaling(scale 1/3, fan_in, uniform), whose limit
 *   `sqrt(3 * scale / fan_in)` is `1/sqrt(fan_in)`; bias RandomUniform(±1/sqrt(fan_in));
 * - glorot: kernel VarianceScaling(scale 1, fan_avg, uniform) (Glorot uniform); bias Zeros.
 */
function initializers(spec: Required<MlpSpec>, fanIn: number) {
  if (spec.init === 'glorot') {
    return {
      kernel_initializer: {
        class_name: 'VarianceScaling',
        config: { scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: null },
      },
      bias_initializer: { class_name: 'Zeros', config: {} },
    };
  }
  const bound = pytorchInitBound(fanIn);
  return {
    kernel_initializer: {
      class_name: 'VarianceScaling',
      config: { scale: 1 / 3, mode: 'fan_in', distribution: 'uniform', seed: null },
    },
    bias_initializer: {
      class_name: 'RandomUniform',
      config: { minval: -bound, maxval: bound, seed: null },
    },
  };
}

/**
 * The Sequential topology of `spec`: one Dense layer per layer, with the activation as the
 * Dense `activation` string (the entry's `layersActivation`), or for `leakyRelu` a
 * linear Dense followed by a LeakyReLU layer with alpha 0.01. The last Dense is linear.
 * `tf.loadLayersModel` rebuilds exactly this network.
 */
export function sequentialTopology(spec: Required<MlpSpec>): SequentialTopology {
  const widths = layerWidths(spec);
  const hidden = activationFunction(spec.activation) as ActivationFunction;
  const layers: KerasObject[] = [];
  const denseCount = widths.length - 1;
  let leakyReluCount = 0;
  for (let index = 0; index < denseCount; index++) {
    const fanIn = widths[index] as number;
    const isHidden = index < denseCount - 1;
    const activation = isHidden ? (hidden.layersActivation ?? 'linear') : 'linear';
    layers.push({
      class_name: 'Dense',
      config: {
        units: widths[index + 1],
        activation,
        use_bias: true,
        ...initializers(spec, fanIn),
        kernel_regularizer: null,
        bias_regularizer: null,
        activity_regularizer: null,
        kernel_constraint: null,
        bias_constraint: null,
        name: denseLayerName(index + 1),
        trainable: true,
        ...(index === 0 ? { batch_input_shape: [null, fanIn], dtype: 'float32' } : {}),
      },
    });
    if (isHidden && spec.activation === 'leakyRelu') {
      leakyReluCount++;
      layers.push({
        class_name: 'LeakyReLU',
        config: {
          alpha: LEAKY_RELU_SLOPE,
          name: leakyReluLayerName(leakyReluCount),
          trainable: true,
        },
      });
    }
  }
  return {
    class_name: 'Sequential',
    config: { name: 'mlp', layers },
    keras_version: `tfjs-layers ${tf.version_core}`,
    backend: 'tensor_flow.js',
  };
}
