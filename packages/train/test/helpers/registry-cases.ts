import { LOSSES, type LossConfig, type OptimizerConfig } from '../../src/index.js';

/** Every loss of the registry; Huber with a delta inside the test data's errors (0.3). */
export const LOSS_CONFIGS: readonly LossConfig[] = LOSSES.map(({ name }) =>
  name === 'huber' ? { name, delta: 0.3 } : ({ name } as LossConfig),
);

/**
 * Options the registry's defaults leave off (momentum, Nesterov, centring),
 * for the suites that compare the two training paths beyond the defaults.
 */
export const OPTIMIZER_VARIANTS: readonly OptimizerConfig[] = [
  { name: 'sgd', learningRate: 0.02, momentum: 0.9 },
  { name: 'sgd', learningRate: 0.02, momentum: 0.8, nesterov: true },
  { name: 'rmsprop', learningRate: 0.002, momentum: 0.5, centered: true },
];
