import { InvalidArgumentError } from '@epochlab/tensor/errors';

/** The checks optimizer definitions share; each names the field as `optimizer.<field>`. */

/** A step size: finite and > 0. */
export function checkLearningRate(value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError('optimizer.learningRate', 'a finite number > 0', value);
  }
}

/** A decay or momentum factor: in [0, 1). */
export function checkFraction(field: string, value: number): void {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
    throw new InvalidArgumentError(`optimizer.${field}`, 'a number in [0, 1)', value);
  }
}

/** A term added to a denominator: finite and >= 0. */
export function checkEpsilon(value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError('optimizer.epsilon', 'a finite number >= 0', value);
  }
}

/** A switch: true or false. */
export function checkFlag(field: string, value: boolean): void {
  if (typeof value !== 'boolean') {
    throw new InvalidArgumentError(`optimizer.${field}`, 'true or false', value);
  }
}
