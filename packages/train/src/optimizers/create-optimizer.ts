import { tf } from '@epochlab/tensor';
import { MomentumOptimizer } from './momentum-optimizer.js';
import type { OptimizerConfig, OptimizerName } from './optimizer-config.js';
import { resolveOptimizerConfig } from './resolve-optimizer-config.js';
import { RmspropOptimizer } from './rmsprop-optimizer.js';

/**
 * A tfjs optimizer for a name (`'sgd'`, `'adam'`, `'rmsprop'`) or a config;
 * options left out take PyTorch's defaults (see `OPTIMIZER_DEFAULTS`).
 *
 * - `sgd`: tfjs's `sgd`, or its `momentum` optimizer when `momentum > 0`
 *   (the same update as PyTorch with `dampening = 0`).
 * - `adam`: tfjs's `adam` with PyTorch's epsilon, 1e-8.
 * - `rmsprop`: epochlab's `RmspropOptimizer`, PyTorch's rule.
 *
 * The caller owns the optimizer and disposes it (`optimizer.dispose()`).
 * Throws `InvalidArgumentError` naming the field for a bad name or value.
 *
 * @example
 * const optimizer = createOptimizer({ name: 'sgd', learningRate: 1e-3 });
 */
export function createOptimizer(optimizer: OptimizerName | OptimizerConfig): tf.Optimizer {
  const config = resolveOptimizerConfig(optimizer);
  switch (config.name) {
    case 'sgd':
      return config.momentum === 0
        ? tf.train.sgd(config.learningRate)
        : new MomentumOptimizer(config.learningRate, config.momentum, config.nesterov);
    case 'adam':
      return tf.train.adam(config.learningRate, config.beta1, config.beta2, config.epsilon);
    case 'rmsprop':
      return new RmspropOptimizer(config);
  }
}
