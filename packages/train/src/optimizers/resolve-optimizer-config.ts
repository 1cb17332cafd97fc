import { InvalidArgumentError } from '@epochlab/tensor';
import {
  type AnyOptimizerDefinition,
  findOptimizer,
  OPTIMIZER_NAMES,
  type OptimizerConfig,
  type OptimizerName,
  type ResolvedOptimizerConfig,
} from './optimizer-registry.js';

/**
 * Checks an optimizer given by name or config and fills in PyTorch's defaults.
 * Throws `InvalidArgumentError` naming the field (`optimizer`,
 * `optimizer.learningRate`, `optimizer.momentum`, ...).
 */
export function resolveOptimizerConfig(
  optimizer: OptimizerName | OptimizerConfig,
): ResolvedOptimizerConfig {
  const config: { readonly name?: unknown } | null =
    typeof optimizer === 'string' ? { name: optimizer } : optimizer;
  const name = config?.name;
  const definition = findOptimizer(name);
  if (definition === undefined) {
    throw new InvalidArgumentError(
      'optimizer',
      `one of ${OPTIMIZER_NAMES.join(', ')}`,
      name ?? optimizer,
    );
  }
  const resolved = { ...definition.defaults, ...withoutUndefined(config as object) };
  definition.validate(resolved);
  return resolved as ResolvedOptimizerConfig;
}

/** The definition of a resolved config (which `resolveOptimizerConfig` made sure exists). */
export function definitionOf(config: ResolvedOptimizerConfig): AnyOptimizerDefinition {
  return findOptimizer(config.name) as AnyOptimizerDefinition;
}

/** The object without its `undefined` fields, so that they do not hide defaults. */
function withoutUndefined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}
