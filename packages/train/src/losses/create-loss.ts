import { InvalidArgumentError } from '@epochlab/tensor/errors';
import { resolveConfig } from '../registry/registry.js';
import type { FusedLoss, LossDefinition, LossFunction } from './loss-definition.js';
import { LOSS_NAMES } from './loss-names.js';
import {
  LOSSES,
  type LossConfig,
  type LossName,
  type ResolvedLossConfig,
} from './loss-registry.js';

/** Any entry of `LOSSES`, seen through what every entry has. */
type AnyLossDefinition = LossDefinition<{ readonly name: string }>;

function resolve(loss: LossName | LossConfig) {
  return resolveConfig<AnyLossDefinition>(
    LOSSES,
    loss,
    (name) => new InvalidArgumentError('loss', `one of ${LOSS_NAMES.join(', ')}`, name),
  );
}

/**
 * Checks a loss given by name or config and fills in its defaults.
 * Throws `InvalidArgumentError` naming `loss` (or `loss.delta`).
 */
export function resolveLossConfig(loss: LossName | LossConfig): ResolvedLossConfig {
  return resolve(loss).config as ResolvedLossConfig;
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
  const { entry, config } = resolve(loss);
  return entry.createGeneric(config);
}

/** The fused form of a loss (float32 arrays), with the gradient tfjs derives for `createLoss`'s. */
export function createFusedLoss(loss: LossName | LossConfig): FusedLoss {
  const { entry, config } = resolve(loss);
  return entry.createFused(config);
}
