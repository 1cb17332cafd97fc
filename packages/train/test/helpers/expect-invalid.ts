import { InvalidArgumentError } from '@epochlab/tensor';
import { expect } from 'vitest';

/** Awaits `action` and expects it to reject with an `InvalidArgumentError` naming `parameter`. */
export async function expectInvalid(
  action: () => unknown,
  parameter: string,
): Promise<InvalidArgumentError> {
  let caught: unknown;
  try {
    await action();
  } catch (error) {
    caught = error;
  }
  expect(InvalidArgumentError.isInstance(caught)).toBe(true);
  const error = caught as InvalidArgumentError;
  expect(error.parameter).toBe(parameter);
  expect(error.message).toContain(parameter);
  return error;
}
