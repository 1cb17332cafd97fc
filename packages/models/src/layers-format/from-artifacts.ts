import { InvalidArgumentError, tf } from '@epochlab/tensor';
import { createMlpFromWeights, type Mlp } from '../mlp.js';
import { validateMlpSpec } from '../mlp-spec.js';
import { readSequentialTopology } from './read-topology.js';

function byteLength(weightData: tf.io.WeightData): number {
  const buffers = Array.isArray(weightData) ? weightData : [weightData];
  return buffers.reduce((sum, buffer) => sum + buffer.byteLength, 0);
}

function sameShape(actual: readonly number[], expected: readonly number[]): boolean {
  return actual.length === expected.length && actual.every((size, axis) => size === expected[axis]);
}

/**
 * Rebuilds an MLP from TensorFlow.js layers-model artifacts: the ones {@link toArtifacts}
 * makes, and tfjs-layers or Keras Sequential models of the same shape (see the README).
 * The spec comes from the topology; weights are matched by name (`<dense layer>/kernel`,
 * `<dense layer>/bias`) and copied into new variables. Throws `InvalidArgumentError`
 * naming the field that does not fit.
 */
export function fromArtifacts(artifacts: tf.io.ModelArtifacts): Mlp {
  if (typeof artifacts !== 'object' || artifacts === null) {
    throw new InvalidArgumentError('artifacts', 'TensorFlow.js model artifacts', artifacts);
  }
  if (artifacts.format !== undefined && artifacts.format !== 'layers-model') {
    throw new InvalidArgumentError('format', '"layers-model"', artifacts.format);
  }
  const reading = readSequentialTopology(artifacts.modelTopology);
  const { weightSpecs, weightData } = artifacts;
  if (!Array.isArray(weightSpecs)) {
    throw new InvalidArgumentError('weightSpecs', 'the list of weight entries', weightSpecs);
  }
  if (weightData === undefined) {
    throw new InvalidArgumentError('weightData', 'the weights (binary data)', weightData);
  }
  const firstKernel = weightSpecs.find(
    (entry) => entry.name === `${reading.denseLayerNames[0]}/kernel`,
  );
  const spec = validateMlpSpec({
    inputSize: reading.inputSize ?? firstKernel?.shape[0],
    hiddenSizes: reading.units.slice(0, -1),
    outputSize: reading.units[reading.units.length - 1],
    activation: reading.activation,
    init: reading.init,
  });

  let tensors: tf.NamedTensorMap;
  try {
    tensors = tf.io.decodeWeights(weightData, weightSpecs);
  } catch {
    throw new InvalidArgumentError(
      'weightData',
      'the bytes weightSpecs describes',
      `${byteLength(weightData)} bytes`,
    );
  }
  try {
    const widths = [spec.inputSize, ...spec.hiddenSizes, spec.outputSize];
    const weights = reading.denseLayerNames.flatMap((layerName, layer) => {
      const fanIn = widths[layer] as number;
      const fanOut = widths[layer + 1] as number;
      const expected: [string, number[]][] = [
        [`${layerName}/kernel`, [fanIn, fanOut]],
        [`${layerName}/bias`, [fanOut]],
      ];
      return expected.map(([name, shape]) => {
        const tensor = tensors[name];
        if (!tensor) {
          throw new InvalidArgumentError(
            'weightSpecs',
            `an entry named "${name}"`,
            weightSpecs.map((entry) => entry.name),
          );
        }
        if (!sameShape(tensor.shape, shape)) {
          throw new InvalidArgumentError(
            `weight ${name}`,
            `shape [${shape.join(', ')}]`,
            tensor.shape,
          );
        }
        return Float32Array.from(tensor.dataSync());
      });
    });
    return createMlpFromWeights(spec, weights);
  } finally {
    for (const tensor of Object.values(tensors)) tensor.dispose();
  }
}
