/**
 * The names of the optimizers in `OPTIMIZERS`, in the registry's order. Kept
 * apart from the registry, whose entries load TensorFlow.js, so that code that
 * only lists or checks names (a config form, a command's help) does not load
 * it; `optimizer-registry.ts` has the compiler check that both agree.
 */
export const OPTIMIZER_NAMES = ['sgd', 'adam', 'rmsprop'] as const;
