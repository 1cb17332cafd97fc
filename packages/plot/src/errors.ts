/** The marker every epochlab error carries, so `EpochlabError.isInstance` recognises these too. */
const epochlabErrorMarker = Symbol.for('epochlab.error');

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
  readonly [epochlabErrorMarker] = true;
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
      epochlabErrorMarker in error &&
      (error as { name?: unknown }).name === 'ChartInputError'
    );
  }
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) {
    return String(value);
  }
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value;
}
