/**
 * @epochlab/models: multilayer perceptrons from a spec, held as plain TensorFlow.js variables,
 * with PyTorch-style seeded initialisation and save/load in the TensorFlow.js layers-model
 * format. Browser-safe; Node file helpers live in `@epochlab/models/node`.
 */
export type { ActivationFunction, TfjsActivation } from './activations/activation-function.js';
export {
  ACTIVATION_NAMES,
  ACTIVATIONS,
  type Activation,
  activationFunction,
} from './activations/activation-registry.js';
export { LEAKY_RELU_SLOPE } from './activations/leaky-relu.js';
export { glorotInitBound, pytorchInitBound } from './initialisation.js';
export type { LoadSource, SaveTarget } from './io-handlers.js';
export { fromArtifacts } from './layers-format/from-artifacts.js';
export { toArtifacts } from './layers-format/to-artifacts.js';
export { loadMlpFrom } from './load-mlp-from.js';
export { createMlp, createMlpFromWeights, type DenseLayerWeights, Mlp } from './mlp.js';
export {
  countMlpParameters,
  INIT_SCHEMES,
  type InitScheme,
  MAX_LAYER_SIZE,
  type MlpSpec,
  NOTEBOOK_MLP,
  validateMlpSpec,
} from './mlp-spec.js';
