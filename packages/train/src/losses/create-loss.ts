import { InvalidArgumentError } from '@epochlab/tensor';
import { huberLoss } from './huber-loss.js';
import { l1Loss } from './l1-loss.js';
import { LOSS_NAMES, type LossConfig, type LossFunction, type LossName } from './loss-function.js';
import { mseLoss } from './mse-loss.js';

/**
 * Checks a loss given by name or config and returns it as a config.
 * Throws `InvalidArgumentError` naming `loss` (or `loss.delta`).
 */
export function resolveLossConfig(loss: LossName | LossConfig): LossConfig {
  const config = typeof loss === 'string' ? ({ name: loss } as LossConfig) : loss;
  const name: unknown = (config as { name?: unknown } | null)?.name;
  if (!LOSS_NAMES.includes(name as LossName)) {
    throw new InvalidArgumentError('loss', `one of ${LOSS_NAMES.join(', ')}`, name ?? loss);
  }
  if (config.name === 'huber' && config.delta !== undefined) {
    if (!Number.isFinite(config.delta) || config.delta <= 0) {
      throw new InvalidArgumentError('loss.delta', 'a finite number > 0', config.delta);
    }
  }
  return config;
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
  switch (config.name) {
    case 'l1':
      return l1Loss;
    case 'mse':
      return mseLoss;
    case 'huber':
      return huberLoss(config.delta ?? 1);
  }
}
