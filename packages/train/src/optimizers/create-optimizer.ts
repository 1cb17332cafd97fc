import type { tf } from '@epochlab/tensor';
import type { FusedOptimizer } from './optimizer-definition.js';
import type { OptimizerConfig, OptimizerName } from './optimizer-registry.js';
import { resolveOptimizer } from './resolve-optimizer-config.js';

/**
 * A tfjs optimizer for a name (`'sgd'`, `'adam'`, `'rmsprop'`) or a config;
 * options left out take PyTorch's defaults (see `OPTIMIZER_DEFAULTS`). Each
 * follows PyTorch's update rule (see the entries of `OPTIMIZERS`).
 *
 * The caller owns the optimizer and disposes it (`optimizer.dispose()`).
 * Throws `InvalidArgumentError` naming the field for a bad name or value.
 *
 * @example
 * const optimizer = createOptimizer({ name: 'sgd', learningRate: 1e-3 });
 */
export function createOptimizer(optimizer: OptimizerName | OptimizerConfig): tf.Optimizer {
  const { entry, config } = resolveOptimizer(optimizer);
  return entry.createGeneric(config);
}

/** The fused form of an optimizer (its rule on `size` float32 parameters). */
export function createFusedOptimizer(
  optimizer: OptimizerName | OptimizerConfig,
  size: number,
): FusedOptimizer {
  const { entry, config } = resolveOptimizer(optimizer);
  return entry.createFused(config, size);
}
