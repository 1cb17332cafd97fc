import { type Tensor, tf, type Variable } from '@epochlab/tensor';
import { checkEpsilon, checkFraction, checkLearningRate } from './optimizer-checks.js';
import type { OptimizerDefinition } from './optimizer-definition.js';
import { SlottedOptimizer } from './slotted-optimizer.js';

/** Adam, as `torch.optim.Adam` (no weight decay, no AMSGrad). */
export interface AdamConfig {
  readonly name: 'adam';
  /** Step size; default 1e-3. */
  readonly learningRate?: number;
  /** Decay of the first moment, in [0, 1); default 0.9. */
  readonly beta1?: number;
  /** Decay of the second moment, in [0, 1); default 0.999. */
  readonly beta2?: number;
  /** Added to the denominator; default 1e-8 (PyTorch's; tfjs's own default is 1e-7). */
  readonly epsilon?: number;
}

/** Per-variable state: the two moments. */
type AdamSlots = { readonly first: Variable; readonly second: Variable };

/**
 * The step's scalars, in double precision from the step count `t` (1, 2, ...),
 * as `torch.optim.Adam` computes them: `lr / (1 - beta1^t)` and
 * `sqrt(1 - beta2^t)`. tfjs's `AdamOptimizer` instead keeps `beta^t` as a
 * running float32 product, which drifts from PyTorch from the first step on.
 */
function biasCorrections({ learningRate, beta1, beta2 }: Required<AdamConfig>, t: number) {
  return {
    stepSize: learningRate / (1 - beta1 ** t),
    secondCorrectionRoot: Math.sqrt(1 - beta2 ** t),
  };
}

/**
 * Adam with PyTorch's update rule and operation order (`torch.optim.Adam`),
 * for every variable, at step `t`:
 *
 * ```
 * m = beta1 * m + (1 - beta1) * g
 * v = beta2 * v + (1 - beta2) * g^2
 * param += -(lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + epsilon)
 * ```
 */
export class AdamOptimizer extends SlottedOptimizer<AdamSlots> {
  /** Name under which tfjs's serialization would know this class. */
  static get className(): string {
    return 'EpochlabAdam';
  }

  private readonly config: Required<AdamConfig>;
  private step = 0;
  private corrections = { stepSize: 0, secondCorrectionRoot: 0 };

  constructor(config: Required<AdamConfig>) {
    super();
    this.config = config;
  }

  protected override beginStep(): void {
    this.step++;
    this.corrections = biasCorrections(this.config, this.step);
  }

  protected override createSlots(variable: Variable): AdamSlots {
    return { first: this.zerosLike(variable), second: this.zerosLike(variable) };
  }

  protected override update(variable: Variable, gradient: Tensor, slots: AdamSlots): void {
    const { beta1, beta2, epsilon } = this.config;
    const { stepSize, secondCorrectionRoot } = this.corrections;
    const first = tf.add(tf.mul(slots.first, beta1), tf.mul(gradient, 1 - beta1));
    const second = tf.add(tf.mul(slots.second, beta2), tf.mul(tf.square(gradient), 1 - beta2));
    slots.first.assign(first);
    slots.second.assign(second);
    const denominator = tf.add(tf.div(tf.sqrt(second), secondCorrectionRoot), epsilon);
    variable.assign(tf.add(variable, tf.mul(tf.div(first, denominator), -stepSize)));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...this.config };
  }
}

const f = Math.fround;

/** `adam`: PyTorch's rule (see {@link AdamOptimizer}) on both paths, the same float32 operations. */
export const adam: OptimizerDefinition<AdamConfig> = {
  name: 'adam',
  defaults: { name: 'adam', learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  validate(config) {
    checkLearningRate(config.learningRate);
    checkFraction('beta1', config.beta1);
    checkFraction('beta2', config.beta2);
    checkEpsilon(config.epsilon);
  },
  createGeneric(config) {
    return new AdamOptimizer(config);
  },
  createFused(config, size) {
    const beta1 = f(config.beta1);
    const beta2 = f(config.beta2);
    const oneMinusBeta1 = f(1 - config.beta1);
    const oneMinusBeta2 = f(1 - config.beta2);
    const epsilon = f(config.epsilon);
    const first = new Float32Array(size);
    const second = new Float32Array(size);
    let t = 0;
    return {
      step(parameters, gradients) {
        t++;
        const corrections = biasCorrections(config, t);
        const negativeStepSize = f(-corrections.stepSize);
        const secondCorrectionRoot = f(corrections.secondCorrectionRoot);
        for (let k = 0; k < size; k++) {
          const g = gradients[k] as number;
          const m = f(f((first[k] as number) * beta1) + f(g * oneMinusBeta1));
          const v = f(f((second[k] as number) * beta2) + f(f(g * g) * oneMinusBeta2));
          first[k] = m;
          second[k] = v;
          const denominator = f(f(f(Math.sqrt(v)) / secondCorrectionRoot) + epsilon);
          parameters[k] = (parameters[k] as number) + f(f(m / denominator) * negativeStepSize);
        }
      },
    };
  },
};
