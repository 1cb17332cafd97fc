import { InvalidArgumentError, tf } from '@epochlab/tensor';
import { checkFlag, checkFraction, checkLearningRate } from './optimizer-checks.js';
import type { OptimizerDefinition } from './optimizer-definition.js';

/** Stochastic gradient descent, as `torch.optim.SGD` (no dampening, no weight decay). */
export interface SgdConfig {
  readonly name: 'sgd';
  /** Step size; default 1e-3 (PyTorch's). */
  readonly learningRate?: number;
  /** Momentum factor in [0, 1); default 0 (plain SGD). */
  readonly momentum?: number;
  /** Nesterov momentum; needs `momentum > 0`. Default false. */
  readonly nesterov?: boolean;
}

/**
 * tfjs's momentum SGD (`buf = momentum * buf + grad; param -= lr * buf`, which
 * is PyTorch's SGD with momentum and no dampening) with one fix: tfjs's
 * `dispose()` forgets the learning-rate scalar it inherits from plain SGD,
 * leaking one tensor per optimizer.
 */
class MomentumOptimizer extends tf.MomentumOptimizer {
  override dispose(): void {
    super.dispose();
    this.c.dispose();
  }
}

const f = Math.fround;

/**
 * `sgd`: `p += (-lr) g`; with momentum `a = m a + g`, `p += (-lr) a`
 * (Nesterov: `p += (-lr) (g + m a)`). The generic path runs tfjs's `sgd` or
 * `momentum` optimizer; the fused rule follows their ops in float32.
 */
export const sgd: OptimizerDefinition<SgdConfig> = {
  name: 'sgd',
  defaults: { name: 'sgd', learningRate: 1e-3, momentum: 0, nesterov: false },
  validate(config) {
    checkLearningRate(config.learningRate);
    checkFraction('momentum', config.momentum);
    checkFlag('nesterov', config.nesterov);
    if (config.nesterov && config.momentum === 0) {
      throw new InvalidArgumentError('optimizer.momentum', 'a number in (0, 1) with nesterov', 0);
    }
  },
  createGeneric({ learningRate, momentum, nesterov }) {
    return momentum === 0
      ? tf.train.sgd(learningRate)
      : new MomentumOptimizer(learningRate, momentum, nesterov);
  },
  createFused(config, size) {
    const negativeRate = f(-config.learningRate);
    if (config.momentum === 0) {
      return {
        descentRate: negativeRate,
        step(parameters, gradients) {
          for (let k = 0; k < size; k++) {
            parameters[k] = f(negativeRate * (gradients[k] as number)) + (parameters[k] as number);
          }
        },
      };
    }
    const momentum = f(config.momentum);
    const accumulation = new Float32Array(size);
    const nesterov = config.nesterov;
    return {
      step(parameters, gradients) {
        for (let k = 0; k < size; k++) {
          const g = gradients[k] as number;
          const a = f(f(momentum * (accumulation[k] as number)) + g);
          accumulation[k] = a;
          const direction = nesterov ? f(g + f(a * momentum)) : a;
          parameters[k] = f(negativeRate * direction) + (parameters[k] as number);
        }
      },
    };
  },
};
