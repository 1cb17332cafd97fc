import { InvalidArgumentError } from '@epochlab/tensor/errors';

/** Throws unless `value` is a whole number >= 1; returns it typed. */
export function requirePositiveInteger(parameter: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidArgumentError(parameter, 'a whole number >= 1', value);
  }
  return value;
}

/** Throws unless `value` is a whole number >= 0; returns it typed. */
export function requireNonNegativeInteger(parameter: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidArgumentError(parameter, 'a whole number >= 0', value);
  }
  return value;
}

/** Throws unless `value` is a finite number; returns it typed. */
export function requireFinite(parameter: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(parameter, 'a finite number', value);
  }
  return value;
}

/** Throws unless `value` is a boolean or undefined; returns it, `fallback` when undefined. */
export function optionalBoolean(parameter: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new InvalidArgumentError(parameter, 'true or false', value);
  return value;
}

/** Throws unless `index` is a whole number in [0, length). */
export function requireIndex(parameter: string, index: unknown, length: number): number {
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= length) {
    throw new InvalidArgumentError(parameter, indexRange(length), index);
  }
  return index;
}

/** The allowed-values text for an index into `length` items. */
export function indexRange(length: number): string {
  return length === 0
    ? 'an index, but the dataset is empty'
    : `a whole number from 0 to ${length - 1}`;
}
