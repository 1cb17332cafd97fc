import { type Tensor, tf, type Variable } from '@epochlab/tensor';
import type { RmspropConfig } from './optimizer-config.js';

/** Per-variable state: the running mean square, and the optional centre and momentum. */
interface RmspropSlots {
  readonly meanSquare: Variable;
  readonly meanGradient: Variable | undefined;
  readonly momentumBuffer: Variable | undefined;
}

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
export class RmspropOptimizer extends tf.Optimizer {
  /** Name under which tfjs's serialization would know this class. */
  static get className(): string {
    return 'EpochlabRMSprop';
  }

  private readonly config: Required<RmspropConfig>;
  private readonly slots = new Map<string, RmspropSlots>();

  constructor(config: Required<RmspropConfig>) {
    super();
    this.config = config;
  }

  override applyGradients(
    variableGradients: tf.NamedTensorMap | { name: string; tensor: Tensor }[],
  ): void {
    const entries = Array.isArray(variableGradients)
      ? variableGradients.map(({ name, tensor }) => [name, tensor] as const)
      : Object.entries(variableGradients);
    const { learningRate, alpha, epsilon, momentum } = this.config;
    for (const [name, gradient] of entries) {
      if (gradient == null) continue;
      const variable = tf.engine().registeredVariables[name];
      if (variable === undefined) continue;
      const slots = this.slotsFor(name, variable);
      tf.tidy(() => {
        const meanSquare = tf.add(
          tf.mul(slots.meanSquare, alpha),
          tf.mul(tf.square(gradient), 1 - alpha),
        );
        slots.meanSquare.assign(meanSquare);
        let variance: Tensor = meanSquare;
        if (slots.meanGradient !== undefined) {
          const meanGradient = tf.add(
            tf.mul(slots.meanGradient, alpha),
            tf.mul(gradient, 1 - alpha),
          );
          slots.meanGradient.assign(meanGradient);
          variance = tf.sub(meanSquare, tf.square(meanGradient));
        }
        let step = tf.div(gradient, tf.add(tf.sqrt(variance), epsilon));
        if (slots.momentumBuffer !== undefined) {
          step = tf.add(tf.mul(slots.momentumBuffer, momentum), step);
          slots.momentumBuffer.assign(step);
        }
        variable.assign(tf.sub(variable, tf.mul(step, learningRate)));
      });
    }
    this.incrementIterations();
  }

  private slotsFor(name: string, variable: Variable): RmspropSlots {
    let slots = this.slots.get(name);
    if (slots === undefined) {
      const zeros = () => tf.tidy(() => tf.zerosLike(variable).variable(false));
      slots = {
        meanSquare: zeros(),
        meanGradient: this.config.centered ? zeros() : undefined,
        momentumBuffer: this.config.momentum > 0 ? zeros() : undefined,
      };
      this.slots.set(name, slots);
    }
    return slots;
  }

  override dispose(): void {
    for (const slots of this.slots.values()) {
      slots.meanSquare.dispose();
      slots.meanGradient?.dispose();
      slots.momentumBuffer?.dispose();
    }
    this.slots.clear();
    super.dispose();
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...this.config };
  }
}
