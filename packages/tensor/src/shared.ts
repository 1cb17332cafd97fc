/**
 * What both entry points (Node and browser) export. Import from
 * `@epochlab/tensor`; the package's export conditions pick the right entry.
 */
export type {
  BackendCandidate,
  BackendLoadOptions,
  Platform,
} from './backend/backend-candidate.js';
export {
  ACCELERATOR_MIN_MULTIPLY_ADDS,
  type BackendWorkload,
  denseMlpWorkload,
} from './backend/backend-workload.js';
export type {
  BackendAttempt,
  BackendChoice,
  InitBackendOptions,
} from './backend/select-backend.js';
export type { DenseMlpV1, TensorRowsLoaderV1 } from './contracts.js';
export {
  BackendNotInitialisedError,
  BackendUnavailableError,
  describeValue,
  EpochlabError,
  InvalidArgumentError,
  UnknownBackendError,
} from './errors.js';
export { MAX_SEED, SeededRandom, validateSeed } from './random/seeded-random.js';
export { countTensors } from './tensor-count.js';
export type { Rank, Scalar, Tensor, Tensor1D, Tensor2D, TensorLike, Variable } from './tf.js';
export { tf } from './tf.js';
