import { tf } from '@epochlab/tensor';

/**
 * tfjs's momentum SGD (`buf = momentum * buf + grad; param -= lr * buf`, which
 * is PyTorch's SGD with momentum and no dampening) with one fix: tfjs's
 * `dispose()` forgets the learning-rate scalar it inherits from plain SGD,
 * leaking one tensor per optimizer.
 */
export class MomentumOptimizer extends tf.MomentumOptimizer {
  override dispose(): void {
    super.dispose();
    this.c.dispose();
  }
}
