import type { tf } from '@epochlab/tensor';
import { InvalidArgumentError } from '@epochlab/tensor/errors';
import { createMlpFromWeights, type Mlp } from '../mlp.js';
import { validateMlpSpec } from '../mlp-spec.js';
import { type DecodedWeight, decodeFloat32Weights } from './decode-weights.js';
import { readSequentialTopology } from './read-topology.js';

function sameShape(actual: readonly number[], expected: readonly number[]): boolean {
  return actual.length === expected.length && actual.every((size, axis) => size === expected[axis]);
}

/**
 * Rebuilds an MLP from TensorFlow.js layers-model artifacts: the ones {@link toArtifacts}
 * makes, and tfjs-layers or Keras Sequential models of the same shape (see the README).
 * The spec comes from the topology; weights are matched by name (`<dense layer>/kernel`,
 * `<dense layer>/bias`) and copied into new variables. Shapes, byte lengths, dtype
 * (float32) and finiteness are checked before any tensor exists, so a bad file leaks
 * nothing. Throws `InvalidArgumentError` naming the field that does not fit.
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
    (entry) => entry?.name === `${reading.denseLayerNames[0]}/kernel`,
  );
  const spec = validateMlpSpec({
    inputSize: reading.inputSize ?? firstKernel?.shape[0],
    hiddenSizes: reading.units.slice(0, -1),
    outputSize: reading.units[reading.units.length - 1],
    activation: reading.activation,
    init: reading.init,
  });

  const widths = [spec.inputSize, ...spec.hiddenSizes, spec.outputSize];
  const expected = reading.denseLayerNames.flatMap((layerName, layer): [string, number[]][] => {
    const fanIn = widths[layer] as number;
    const fanOut = widths[layer + 1] as number;
    return [
      [`${layerName}/kernel`, [fanIn, fanOut]],
      [`${layerName}/bias`, [fanOut]],
    ];
  });
  for (const [name] of expected) {
    if (!weightSpecs.some((entry) => entry?.name === name)) {
      throw new InvalidArgumentError(
        'weightSpecs',
        `an entry named "${name}"`,
        weightSpecs.map((entry) => entry?.name),
      );
    }
  }
  const decoded = decodeFloat32Weights(weightSpecs, weightData);
  const weights = expected.map(([name, shape]) => {
    const weight = decoded.get(name) as DecodedWeight;
    if (!sameShape(weight.shape, shape)) {
      throw new InvalidArgumentError(`weight ${name}`, `shape [${shape.join(', ')}]`, weight.shape);
    }
    return weight.values;
  });
  return createMlpFromWeights(spec, weights);
}
