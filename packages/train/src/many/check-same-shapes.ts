import { InvalidArgumentError } from '@epochlab/tensor/errors';
import type { TrainableModel } from '../loop/trainable-model.js';

/** A model's layer sizes (its variables' shapes, in order) and activation, as text. */
function describeShapes(model: TrainableModel): { sizes: string; activation: string } {
  const sizes = model.trainableVariables.map((variable) => `[${variable.shape.join(',')}]`);
  const activation = (model as { readonly spec?: { readonly activation?: unknown } }).spec
    ?.activation;
  return { sizes: sizes.join(' '), activation: String(activation ?? 'none') };
}

/**
 * Checks that every model has the first one's layer sizes (the shapes of its
 * trainable variables, in order) and activation (`spec.activation`, when the
 * models have one). Throws `InvalidArgumentError` naming the first model that
 * differs (`runs[k].model`) and the field (`layer sizes` or `activation`).
 */
export function checkSameShapes(models: readonly TrainableModel[]): void {
  const first = models[0];
  if (first === undefined) return;
  const expected = describeShapes(first);
  models.forEach((model, index) => {
    if (index === 0) return;
    const actual = describeShapes(model);
    if (actual.sizes !== expected.sizes) {
      throw new InvalidArgumentError(
        `runs[${index}].model layer sizes`,
        `the same as runs[0].model's (${expected.sizes})`,
        actual.sizes,
      );
    }
    if (actual.activation !== expected.activation) {
      throw new InvalidArgumentError(
        `runs[${index}].model activation`,
        `the same as runs[0].model's (${expected.activation})`,
        actual.activation,
      );
    }
  });
}
