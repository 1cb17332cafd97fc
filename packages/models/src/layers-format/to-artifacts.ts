import { tf } from '@epochlab/tensor';
import type { Mlp } from '../mlp.js';
import { denseLayerName, sequentialTopology } from './layers-topology.js';

/**
 * The model as TensorFlow.js layers-model artifacts: a Sequential topology of Dense (and
 * LeakyReLU) layers, weight specs named `dense_Dense<n>/kernel` and `dense_Dense<n>/bias`, and
 * one float32 buffer with the weights in `trainableVariables` order. Any tf.io handler can
 * store them, and `tf.loadLayersModel` (tfjs-layers) loads them.
 */
export async function toArtifacts(mlp: Mlp): Promise<tf.io.ModelArtifacts> {
  const weights = await mlp.getWeightsAsync();
  const weightSpecs: tf.io.WeightsManifestEntry[] = mlp.trainableVariables.map(
    (variable, index) => ({
      name: `${denseLayerName((index >> 1) + 1)}/${index % 2 === 0 ? 'kernel' : 'bias'}`,
      shape: [...variable.shape],
      dtype: 'float32',
    }),
  );
  const totalLength = weights.reduce((sum, values) => sum + values.length, 0);
  const weightData = new Float32Array(totalLength);
  let offset = 0;
  for (const values of weights) {
    weightData.set(values, offset);
    offset += values.length;
  }
  return {
    modelTopology: sequentialTopology(mlp.spec),
    format: 'layers-model',
    generatedBy: `@epochlab/models on TensorFlow.js tfjs-core v${tf.version_core}`,
    convertedBy: null,
    weightSpecs,
    weightData: weightData.buffer,
  };
}
