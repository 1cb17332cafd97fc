import { type Tensor, tf, type Variable } from '@epochlab/tensor';
import { checkEpsilon, checkFlag, checkFraction, checkLearningRate } from './optimizer-checks.js';
import type { OptimizerDefinition } from './optimizer-definition.js';
import { SlottedOptimizer } from './slotted-optimizer.js';

/** RMSprop, as `torch.optim.RMSprop` (no weight decay). */
export interface RmspropConfig {
  readonly name: 'rmsprop';
  /** Step size; default 1e-2 (PyTorch's). */
  readonly learningRate?: number;
  /** Decay of the mean square, in [0, 1); default 0.99 (PyTorch's `alpha`). */
  readonly alpha?: number;
  /** Added to the denominator, outside the square root; default 1e-8. */
  readonly epsilon?: number;
  /** Momentum factor in [0, 1); default 0. */
  readonly momentum?: number;
  /** Divide by the centred (variance) estimate instead; default false. */
  readonly centered?: boolean;
}

/** Per-variable state: the running mean square, and the optional centre and momentum. */
type RmspropSlots = {
  readonly meanSquare: Variable;
  readonly meanGradient: Variable | undefined;
  readonly momentumBuffer: Variable | undefined;
};

/**
 * RMSprop with PyTorch's update rule (`torch.optim.RMSprop`), for every variable:
 *
 * ```
 * v = alpha * v + (1 - alpha) * g^2
 * g_avg = alpha * g_avg + (1 - alpha) * g              (centered only)
 * denominator = sqrt(v - g_avg^2) + epsilon            (sqrt(v) + epsilon when not centered)
 * buf = momentum * buf + g / denominator; param -= lr * buf   (momentum > 0)
 * param -= lr * g / denominator                              (momentum = 0)
 * ```
 *
 * tfjs's own `RMSPropOptimizer` puts epsilon inside the square root and, when
 * centred, subtracts it (`sqrt(v - g_avg^2 - epsilon)`, which turns NaN for
 * small gradients), so epochlab does not use it.
 */
export class RmspropOptimizer extends SlottedOptimizer<RmspropSlots> {
  /** Name under which tfjs's serialization would know this class. */
  static get className(): string {
    return 'EpochlabRMSprop';
  }

  private readonly config: Required<RmspropConfig>;

  constructor(config: Required<RmspropConfig>) {
    super();
    this.config = config;
  }

  protected override createSlots(variable: Variable): RmspropSlots {
    return {
      meanSquare: this.zerosLike(variable),
      meanGradient: this.config.centered ? this.zerosLike(variable) : undefined,
      momentumBuffer: this.config.momentum > 0 ? this.zerosLike(variable) : undefined,
    };
  }

  protected override update(variable: Variable, gradient: Tensor, slots: RmspropSlots): void {
    const { learningRate, alpha, epsilon, momentum } = this.config;
    const meanSquare = tf.add(
      tf.mul(slots.meanSquare, alpha),
      tf.mul(tf.square(gradient), 1 - alpha),
    );
    slots.meanSquare.assign(meanSquare);
    let variance: Tensor = meanSquare;
    if (slots.meanGradient !== undefined) {
      const meanGradient = tf.add(tf.mul(slots.meanGradient, alpha), tf.mul(gradient, 1 - alpha));
      slots.meanGradient.assign(meanGradient);
      variance = tf.sub(meanSquare, tf.square(meanGradient));
    }
    let step = tf.div(gradient, tf.add(tf.sqrt(variance), epsilon));
    if (slots.momentumBuffer !== undefined) {
      step = tf.add(tf.mul(slots.momentumBuffer, momentum), step);
      slots.momentumBuffer.assign(step);
    }
    variable.assign(tf.sub(variable, tf.mul(step, learningRate)));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...this.config };
  }
}

const f = Math.fround;

/** `rmsprop`: PyTorch's rule (see {@link RmspropOptimizer}) on both paths. */
export const rmsprop: OptimizerDefinition<RmspropConfig> = {
  name: 'rmsprop',
  defaults: {
    name: 'rmsprop',
    learningRate: 1e-2,
    alpha: 0.99,
    epsilon: 1e-8,
    momentum: 0,
    centered: false,
  },
  validate(config) {
    checkLearningRate(config.learningRate);
    checkFraction('alpha', config.alpha);
    checkEpsilon(config.epsilon);
    checkFraction('momentum', config.momentum);
    checkFlag('centered', config.centered);
  },
  createGeneric(config) {
    return new RmspropOptimizer(config);
  },
  createFused(config, size) {
    const alpha = f(config.alpha);
    const oneMinusAlpha = f(1 - config.alpha);
    const epsilon = f(config.epsilon);
    const momentum = f(config.momentum);
    const rate = f(config.learningRate);
    const meanSquare = new Float32Array(size);
    const meanGradient = config.centered ? new Float32Array(size) : undefined;
    const buffer = config.momentum > 0 ? new Float32Array(size) : undefined;
    return {
      step(parameters, gradients) {
        for (let k = 0; k < size; k++) {
          const g = gradients[k] as number;
          const ms = f(f((meanSquare[k] as number) * alpha) + f(f(g * g) * oneMinusAlpha));
          meanSquare[k] = ms;
          let variance = ms;
          if (meanGradient !== undefined) {
            const mg = f(f((meanGradient[k] as number) * alpha) + f(g * oneMinusAlpha));
            meanGradient[k] = mg;
            variance = f(ms - f(mg * mg));
          }
          let step = f(g / f(f(Math.sqrt(variance)) + epsilon));
          if (buffer !== undefined) {
            step = f(f((buffer[k] as number) * momentum) + step);
            buffer[k] = step;
          }
          parameters[k] = (parameters[k] as number) - f(step * rate);
        }
      },
    };
  },
};
