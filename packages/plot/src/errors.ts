/** The marker every epochlab error carries, so `EpochlabError.isInstance` recognises these too. */
const epochlabErrorSymbol = Symbol.for('epochlab.error');
/** This class's own marker, as in `@epochlab/tensor`'s errors: `epochlab.error.<Class>`. */
const chartInputErrorSymbol = Symbol.for('epochlab.error.ChartInputError');

/**
 * Chart input that cannot be drawn: series of different lengths, a non-finite
 * coordinate, epochs out of order, a size that is not a positive number, an
 * unknown dataset name.
 *
 * `field` names the offending input the way the caller wrote it, with the index
 * where there is one (for example `train.y[3]` or `history.val[12].epoch`);
 * `allowed` says what would be accepted. It carries the marker of epochlab's
 * errors (`Symbol.for('epochlab.error')`), so `EpochlabError.isInstance(e)` from
 * `@epochlab/tensor` is true for it without this package depending on that one.
 */
export class ChartInputError extends Error {
  readonly [epochlabErrorSymbol] = true;
  readonly [chartInputErrorSymbol] = true;
  readonly field: string;
  readonly allowed: string;
  readonly value: unknown;

  constructor(field: string, allowed: string, value: unknown) {
    super(`${field} must be ${allowed}; got ${describeValue(value)}`);
    this.name = 'ChartInputError';
    this.field = field;
    this.allowed = allowed;
    this.value = value;
  }

  /** True for a `ChartInputError` from any copy of this package. */
  static isInstance(error: unknown): error is ChartInputError {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as Record<symbol, unknown>)[chartInputErrorSymbol] === true
    );
  }
}

/**
 * Renders a value for the message. `@epochlab/tensor`'s `describeValue` does
 * this for the other packages; plot takes plain numbers and does not depend on
 * tensor (and TensorFlow.js), so it keeps this short one.
 */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) {
    return String(value);
  }
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value;
}
