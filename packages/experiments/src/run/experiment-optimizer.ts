import type { OptimizerConfig } from '@epochlab/train';
import type { CommonConfig } from '../config/common-fields.js';

/** The train package's optimizer config for a config's `optimizer`, `lr` and `momentum`. */
export function experimentOptimizer(
  config: Pick<CommonConfig, 'optimizer' | 'lr' | 'momentum'>,
): OptimizerConfig {
  if (config.optimizer === 'sgd')
    return { name: 'sgd', learningRate: config.lr, momentum: config.momentum };
  return { name: config.optimizer, learningRate: config.lr };
}
