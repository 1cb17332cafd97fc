import type { tf } from '@epochlab/tensor';
import type { FusedOptimizer } from './optimizer-definition.js';
import type {
  OptimizerConfig,
  OptimizerName,
  ResolvedOptimizerConfig,
} from './optimizer-registry.js';
import { definitionOf, resolveOptimizerConfig } from './resolve-optimizer-config.js';

/**
 * A tfjs optimizer for a name (`'sgd'`, `'adam'`, `'rmsprop'`) or a config;
 * options left out take PyTorch's defaults (see `OPTIMIZER_DEFAULTS`). Each
 * follows PyTorch's update rule (see `OPTIMIZERS`' entries).
 *
 * The caller owns the optimizer and disposes it (`optimizer.dispose()`).
 * Throws `InvalidArgumentError` naming the field for a bad name or value.
 *
 * @example
 * const optimizer = createOptimizer({ name: 'sgd', learningRate: 1e-3 });
 */
export function createOptimizer(optimizer: OptimizerName | OptimizerConfig): tf.Optimizer {
  const config = resolveOptimizerConfig(optimizer);
  return definitionOf(config).createGeneric(config);
}

/** The fused form of a resolved optimizer config, over `size` float32 parameters. */
export function createFusedOptimizer(
  config: ResolvedOptimizerConfig,
  size: number,
): FusedOptimizer {
  return definitionOf(config).createFused(config, size);
}
