import { describe, expect, it } from 'vitest';
import { polynomial } from '../src/index.js';
import { expectInvalid } from './helpers.js';

describe('polynomial', () => {
  it('reads coefficients highest degree first: [2, 1, 0] is 2x^2 + x', () => {
    const f = polynomial([2, 1, 0]);
    expect(f(3)).toBe(21); // 2*9 + 3
    expect(f(0)).toBe(0);
    expect(f(-2)).toBe(6); // 2*4 - 2
  });

  it('handles constants, lines and higher degrees', () => {
    expect(polynomial([5])(123)).toBe(5);
    expect(polynomial([3, -1])(2)).toBe(5);
    expect(polynomial([1, 0, 0, -8])(2)).toBe(0); // x^3 - 8
    expect(polynomial([0.5, 0, 0, 0, 0])(2)).toBe(8); // x^4 / 2
  });

  it('copies the coefficients', () => {
    const coefficients = [1, 1];
    const f = polynomial(coefficients);
    coefficients[0] = 100;
    expect(f(1)).toBe(2);
  });

  it('rejects empty or non-finite coefficients, naming them', () => {
    expectInvalid(() => polynomial([]), 'coefficients');
    expectInvalid(() => polynomial([1, Number.NaN]), 'coefficients');
    expectInvalid(() => polynomial([Number.POSITIVE_INFINITY]), 'coefficients');
    expectInvalid(() => polynomial(['1'] as unknown as number[]), 'coefficients');
    expectInvalid(() => polynomial(undefined as unknown as number[]), 'coefficients');
  });
});
