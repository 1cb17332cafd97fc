import { describe, expect, it } from 'vitest';
import { LOSS_NAMES, LOSSES, OPTIMIZER_NAMES, OPTIMIZERS } from '../src/index.js';

// The name lists live apart from the registries (which load TensorFlow.js), so
// that config forms and help texts can list names without it; the compiler
// checks that they agree, and so does this test at run time.
describe('registry name lists', () => {
  it('name every optimizer of OPTIMIZERS, in its order', () => {
    expect(OPTIMIZER_NAMES).toEqual(OPTIMIZERS.map(({ name }) => name));
    expect(OPTIMIZER_NAMES).toEqual(['sgd', 'adam', 'rmsprop']);
  });

  it('name every loss of LOSSES, in its order', () => {
    expect(LOSS_NAMES).toEqual(LOSSES.map(({ name }) => name));
    expect(LOSS_NAMES).toEqual(['l1', 'mse', 'huber']);
  });
});
