/**
 * The names of the losses in `LOSSES`, in the registry's order. Kept apart
 * from the registry, whose entries load TensorFlow.js, so that code that only
 * lists or checks names (a config form, a command's help) does not load it;
 * `loss-registry.ts` has the compiler check that both agree.
 */
export const LOSS_NAMES = ['l1', 'mse', 'huber'] as const;
