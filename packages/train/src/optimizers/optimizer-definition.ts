import type { tf } from '@epochlab/tensor';
import type { Definition } from '../registry/registry.js';

/**
 * An optimizer on plain float32 arrays, for the fused training path: `step`
 * updates `parameters` in place from `gradients` (same layout), keeping its
 * own state (moments, buffers) between calls.
 */
export interface FusedOptimizer {
  step(parameters: Float32Array, gradients: Float32Array): void;
  /**
   * Set when `step` is plain gradient descent, `parameters[k] =
   * fround(descentRate * gradients[k]) + parameters[k]` in float32 and nothing
   * else (`descentRate` is minus the learning rate, a float32): a fused
   * kernel may then run the same update itself, next to its buffers.
   */
  readonly descentRate?: number;
}

/**
 * One optimizer, defined once for every place that needs it (like a tfjs
 * kernel registered for each backend): its name, PyTorch's defaults, the
 * checks of its options, the tfjs optimizer the generic training path
 * minimizes with, and the update rule the fused path runs on typed arrays.
 * `defaults` are PyTorch's; `validate` names bad options `optimizer.<field>`.
 * Both implementations follow the same rule in float32, operation by
 * operation, so the two paths agree within float32 rounding.
 *
 * `Config` is the options a user writes (`{ name: 'sgd', momentum: 0.9 }`);
 * every function receives them with the defaults filled in.
 */
export interface OptimizerDefinition<Config extends { readonly name: string }>
  extends Definition<Config> {
  /** A tfjs optimizer with this rule; the caller disposes it. */
  createGeneric(config: Required<Config>): tf.Optimizer;
  /** This rule on `size` float32 parameters. */
  createFused(config: Required<Config>, size: number): FusedOptimizer;
}
