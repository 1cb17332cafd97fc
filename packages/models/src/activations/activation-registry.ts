import type { ActivationFunction } from './activation-function.js';
import { leakyRelu } from './leaky-relu.js';
import { linear } from './linear.js';
import { relu } from './relu.js';
import { sigmoid } from './sigmoid.js';
import { tanh } from './tanh.js';

/**
 * Every activation a spec accepts, in the order error messages list them.
 * Adding one: a file like `tanh.ts`, and its line here.
 */
export const ACTIVATIONS = [leakyRelu, relu, tanh, sigmoid, linear] as const;

/**
 * The non-linearity applied after every layer but the last (see each entry):
 * `leakyRelu` (PyTorch's `nn.LeakyReLU()`, slope 0.01), `relu`, `tanh`,
 * `sigmoid` or `linear` (none).
 */
export type Activation = (typeof ACTIVATIONS)[number]['name'];

/** The `name`s of a registry's entries, as a tuple in the registry's order. */
type NamesOf<Entries extends readonly { readonly name: string }[]> = {
  readonly [Index in keyof Entries]: Entries[Index] extends { readonly name: infer Name }
    ? Name
    : never;
};

/** The names of {@link ACTIVATIONS}, in order. */
export const ACTIVATION_NAMES = ACTIVATIONS.map(({ name }) => name) as unknown as NamesOf<
  typeof ACTIVATIONS
>;

/** Whether `value` is the name of one of {@link ACTIVATIONS}. */
export function isActivation(value: unknown): value is Activation {
  return (ACTIVATION_NAMES as readonly unknown[]).includes(value);
}

/** The entry of {@link ACTIVATIONS} named `name`, or `undefined` for another name. */
export function activationFunction(name: string): ActivationFunction | undefined {
  return ACTIVATIONS.find((entry) => entry.name === name);
}
