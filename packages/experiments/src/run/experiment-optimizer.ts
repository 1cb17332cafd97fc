import type { OptimizerConfig } from '@epochlab/train';
import type { ExperimentConfig } from '../config/experiment-config.js';

/** The train package's optimizer config for an experiment's `optimizer`, `lr` and `momentum`. */
export function experimentOptimizer(config: ExperimentConfig): OptimizerConfig {
  if (config.optimizer === 'sgd')
    return { name: 'sgd', learningRate: config.lr, momentum: config.momentum };
  return { name: config.optimizer, learningRate: config.lr };
}
