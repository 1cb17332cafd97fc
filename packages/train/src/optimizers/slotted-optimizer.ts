import { type Tensor, tf, type Variable } from '@epochlab/tensor';

/**
 * Base of epochlab's own tfjs optimizers: per-variable state ("slots", such as
 * Adam's moments) made at a variable's first update and freed by `dispose`,
 * and one `tf.tidy` per variable update. A subclass says which slots a
 * variable needs and how one variable is updated.
 */
export abstract class SlottedOptimizer<
  Slots extends Readonly<Record<string, Variable | undefined>>,
> extends tf.Optimizer {
  private readonly slots = new Map<string, Slots>();

  /** The state of a variable about to be updated for the first time (zeros, usually). */
  protected abstract createSlots(variable: Variable): Slots;

  /** Updates `variable` from `gradient` and its `slots` (called inside `tf.tidy`). */
  protected abstract update(variable: Variable, gradient: Tensor, slots: Slots): void;

  /** Called once per `applyGradients`, before any variable is updated (a step counter, say). */
  protected beginStep(): void {}

  override applyGradients(
    variableGradients: tf.NamedTensorMap | { name: string; tensor: Tensor }[],
  ): void {
    const entries = Array.isArray(variableGradients)
      ? variableGradients.map(({ name, tensor }) => [name, tensor] as const)
      : Object.entries(variableGradients);
    this.beginStep();
    for (const [name, gradient] of entries) {
      if (gradient == null) continue;
      const variable = tf.engine().registeredVariables[name];
      if (variable === undefined) continue;
      let slots = this.slots.get(name);
      if (slots === undefined) {
        slots = this.createSlots(variable);
        this.slots.set(name, slots);
      }
      const state = slots;
      tf.tidy(() => this.update(variable, gradient, state));
    }
    this.incrementIterations();
  }

  /** A zero-filled slot shaped like `variable`. */
  protected zerosLike(variable: Variable): Variable {
    return tf.tidy(() => tf.zerosLike(variable).variable(false));
  }

  override dispose(): void {
    for (const slots of this.slots.values()) {
      for (const slot of Object.values(slots)) slot?.dispose();
    }
    this.slots.clear();
    super.dispose();
  }
}
