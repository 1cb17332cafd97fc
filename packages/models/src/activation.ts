/** Activation names a spec accepts, in the order error messages list them. */
export const ACTIVATIONS = ['leakyRelu', 'relu', 'tanh', 'sigmoid', 'linear'] as const;

/**
 * The non-linearity applied after every layer but the last:
 * - `leakyRelu`: `x` if `x >= 0`, else `0.01 x` (PyTorch's `nn.LeakyReLU()` default slope);
 * - `relu`: `max(0, x)`;
 * - `tanh`: `tanh(x)`;
 * - `sigmoid`: `1 / (1 + e^-x)`;
 * - `linear`: `x` (no activation).
 */
export type Activation = (typeof ACTIVATIONS)[number];

/** Slope of `leakyRelu` for negative inputs: PyTorch's `negative_slope` default. */
export const LEAKY_RELU_SLOPE = 0.01;

/** Whether `value` is one of {@link ACTIVATIONS}. */
export function isActivation(value: unknown): value is Activation {
  return (ACTIVATIONS as readonly unknown[]).includes(value);
}
