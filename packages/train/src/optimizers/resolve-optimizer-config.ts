import { InvalidArgumentError } from '@epochlab/tensor/errors';
import { resolveConfig } from '../registry/registry.js';
import type { OptimizerDefinition } from './optimizer-definition.js';
import { OPTIMIZER_NAMES } from './optimizer-names.js';
import {
  OPTIMIZERS,
  type OptimizerConfig,
  type OptimizerName,
  type ResolvedOptimizerConfig,
} from './optimizer-registry.js';

/** An optimizer's entry of `OPTIMIZERS` and its config, checked and complete. */
export interface ResolvedOptimizer {
  readonly entry: OptimizerDefinition<{ readonly name: string }>;
  readonly config: ResolvedOptimizerConfig;
}

/**
 * Looks an optimizer given by name or config up in `OPTIMIZERS`, checks it
 * and fills in PyTorch's defaults. Throws `InvalidArgumentError` naming the
 * field (`optimizer`, `optimizer.learningRate`, `optimizer.momentum`, ...).
 */
export function resolveOptimizer(optimizer: OptimizerName | OptimizerConfig): ResolvedOptimizer {
  const { entry, config } = resolveConfig<ResolvedOptimizer['entry']>(
    OPTIMIZERS,
    optimizer,
    (name) => new InvalidArgumentError('optimizer', `one of ${OPTIMIZER_NAMES.join(', ')}`, name),
  );
  return { entry, config: config as ResolvedOptimizerConfig };
}

/** {@link resolveOptimizer}'s config: every option filled in. */
export function resolveOptimizerConfig(
  optimizer: OptimizerName | OptimizerConfig,
): ResolvedOptimizerConfig {
  return resolveOptimizer(optimizer).config;
}
