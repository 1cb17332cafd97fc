import { InvalidArgumentError } from '@epochlab/tensor';
import type { FusedLoss, LossFunction } from './loss-definition.js';
import {
  type AnyLossDefinition,
  findLoss,
  LOSS_NAMES,
  type LossConfig,
  type LossName,
  type ResolvedLossConfig,
} from './loss-registry.js';

/**
 * Checks a loss given by name or config and fills in its defaults.
 * Throws `InvalidArgumentError` naming `loss` (or `loss.delta`).
 */
export function resolveLossConfig(loss: LossName | LossConfig): ResolvedLossConfig {
  const config: { readonly name?: unknown } | null =
    typeof loss === 'string' ? { name: loss } : loss;
  const name = config?.name;
  const definition = findLoss(name);
  if (definition === undefined) {
    throw new InvalidArgumentError('loss', `one of ${LOSS_NAMES.join(', ')}`, name ?? loss);
  }
  const given = Object.entries(config as object).filter(([, value]) => value !== undefined);
  const resolved = { ...definition.defaults, ...Object.fromEntries(given) };
  definition.validate(resolved);
  return resolved as ResolvedLossConfig;
}

function definitionOf(config: ResolvedLossConfig): AnyLossDefinition {
  return findLoss(config.name) as AnyLossDefinition;
}

/**
 * The loss function for a name (`'l1'`, `'mse'`, `'huber'`) or a config
 * (`{ name: 'huber', delta: 0.5 }`).
 *
 * @example
 * const loss = createLoss('l1');
 * const value = tf.tidy(() => loss(prediction, target).dataSync()[0]);
 */
export function createLoss(loss: LossName | LossConfig): LossFunction {
  const config = resolveLossConfig(loss);
  return definitionOf(config).createGeneric(config);
}

/** The fused form of a loss (float32 arrays), with the gradient tfjs derives for `createLoss`'s. */
export function createFusedLoss(loss: LossName | LossConfig): FusedLoss {
  const config = resolveLossConfig(loss);
  return definitionOf(config).createFused(config);
}
