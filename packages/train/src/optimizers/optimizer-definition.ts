import type { tf } from '@epochlab/tensor';

/**
 * An optimizer on plain float32 arrays, for the fused training path: `step`
 * updates `parameters` in place from `gradients` (same layout), keeping its
 * own state (moments, buffers) between calls.
 */
export interface FusedOptimizer {
  step(parameters: Float32Array, gradients: Float32Array): void;
}

/**
 * One optimizer, defined once for every place that needs it (like a tfjs
 * kernel registered for each backend): its name, PyTorch's defaults, the
 * checks of its options, the tfjs optimizer the generic training path
 * minimizes with, and the update rule the fused path runs on typed arrays.
 * Both implementations follow the same rule in float32, operation by
 * operation, so the two paths agree within float32 rounding.
 *
 * `Config` is the options a user writes (`{ name: 'sgd', momentum: 0.9 }`);
 * every function receives them with the defaults filled in.
 */
export interface OptimizerDefinition<Config extends { readonly name: string }> {
  readonly name: Config['name'];
  /** PyTorch's default for every option, which epochlab uses for each option left out. */
  readonly defaults: Required<Config>;
  /** Throws `InvalidArgumentError` naming the first bad option (`optimizer.momentum`, ...). */
  validate(config: Required<Config>): void;
  /** A tfjs optimizer with this rule; the caller disposes it. */
  createGeneric(config: Required<Config>): tf.Optimizer;
  /** This rule on `size` float32 parameters. */
  createFused(config: Required<Config>, size: number): FusedOptimizer;
}
