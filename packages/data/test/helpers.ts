import { InvalidArgumentError, initBackend, type Tensor, tf } from '@epochlab/tensor';
import { beforeAll, expect } from 'vitest';

/** The backends whose results must agree for data handling (gather, stack, slice). */
export const BACKENDS = ['cpu', 'wasm'] as const;

/** Makes `name` the active backend for the enclosing `describe`. */
export function useBackend(name: string): void {
  beforeAll(async () => {
    await initBackend(name);
  });
}

/** Runs `action` and expects an `InvalidArgumentError` naming `parameter`. */
export function expectInvalid(action: () => unknown, parameter: string): InvalidArgumentError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(InvalidArgumentError.isInstance(caught)).toBe(true);
  const error = caught as InvalidArgumentError;
  expect(error.parameter).toBe(parameter);
  expect(error.message).toContain(parameter);
  expect(error.allowed.length).toBeGreaterThan(0);
  return error;
}

/** A tensor's values as plain numbers. */
export function values(tensor: Tensor): number[] {
  return Array.from(tensor.dataSync());
}

/** `[0, 1, ..., n-1]` as a float32 tensor of shape [n, 1]. */
export function column(n: number, scale = 1): Tensor {
  return tf.tensor2d(
    Array.from({ length: n }, (_, i) => i * scale),
    [n, 1],
  );
}
