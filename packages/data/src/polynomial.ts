import { InvalidArgumentError } from '@epochlab/tensor/errors';

/**
 * Checks polynomial coefficients (highest degree first: a non-empty array of
 * finite numbers) and returns a copy.
 */
export function checkCoefficients(coefficients: unknown): number[] {
  if (
    !Array.isArray(coefficients) ||
    coefficients.length === 0 ||
    coefficients.some((c) => typeof c !== 'number' || !Number.isFinite(c))
  ) {
    throw new InvalidArgumentError(
      'coefficients',
      'a non-empty array of finite numbers, highest degree first',
      coefficients,
    );
  }
  return [...coefficients];
}

/**
 * The polynomial with `coefficients` given highest degree first, as a plain
 * function (the notebook's `generate_polynomial`): `[2, 1, 0]` is
 * `2x^2 + x + 0`, so `polynomial([2, 1, 0])(3) === 21`. Evaluated with
 * Horner's method; the coefficients are copied, so later changes to the array
 * do not change the function.
 *
 * @example
 * const truth = polynomial([2, 1, 0]);
 * const curve = xs.map(truth); // the true curve, for a plot
 */
export function polynomial(coefficients: readonly number[]): (x: number) => number {
  const own = checkCoefficients(coefficients);
  const [leading, ...rest] = own as [number, ...number[]];
  return (x: number) => {
    let value = leading;
    for (const c of rest) value = value * x + c;
    return value;
  };
}
