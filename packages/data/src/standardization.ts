import { InvalidArgumentError } from '@epochlab/tensor/errors';

/** The mean and standard deviation of each column of a row-major table. */
export interface ColumnScaling {
  readonly mean: readonly number[];
  /** Population standard deviations (divided by n); a constant column gets 1. */
  readonly std: readonly number[];
}

/**
 * How inputs and targets were standardised for training: what a model
 * trained on standardised data needs to take and give values in the user's
 * units. Saved next to the model (`scaling.json` in a CLI run folder).
 */
export interface Standardization {
  readonly inputs: ColumnScaling;
  readonly targets: ColumnScaling;
}

/**
 * The mean and standard deviation of each of `width` columns of `values`
 * (row-major), in double precision, as scikit-learn's `StandardScaler` fits
 * them: the population standard deviation (divided by n, not n - 1), and 1
 * for a constant column so that scaling leaves it at 0 instead of dividing
 * by zero. Fit it on the training rows only, so that validation rows do not
 * leak into training.
 */
export function fitColumnScaling(values: ArrayLike<number>, width: number): ColumnScaling {
  if (!Number.isSafeInteger(width) || width < 1 || values.length % width !== 0) {
    throw new InvalidArgumentError('width', `a whole number >= 1 dividing ${values.length}`, width);
  }
  const rows = values.length / width;
  if (rows === 0) throw new InvalidArgumentError('values', 'at least one row', values.length);
  const mean = new Array<number>(width).fill(0);
  for (let row = 0; row < rows; row++) {
    for (let k = 0; k < width; k++)
      mean[k] = (mean[k] as number) + (values[row * width + k] as number);
  }
  for (let k = 0; k < width; k++) mean[k] = (mean[k] as number) / rows;
  const variance = new Array<number>(width).fill(0);
  for (let row = 0; row < rows; row++) {
    for (let k = 0; k < width; k++) {
      const d = (values[row * width + k] as number) - (mean[k] as number);
      variance[k] = (variance[k] as number) + d * d;
    }
  }
  const std = variance.map((sum) => {
    const deviation = Math.sqrt(sum / rows);
    return deviation > 0 && Number.isFinite(deviation) ? deviation : 1;
  });
  return { mean, std };
}

/** `(value - mean) / std` per column, as float32 (what a model trains on). */
export function scaleColumns(values: ArrayLike<number>, scaling: ColumnScaling): Float32Array {
  return mapColumns(values, scaling, (value, mean, std) => (value - mean) / std);
}

/** `value * std + mean` per column: standardised values back in the user's units. */
export function unscaleColumns(values: ArrayLike<number>, scaling: ColumnScaling): Float32Array {
  return mapColumns(values, scaling, (value, mean, std) => value * std + mean);
}

function mapColumns(
  values: ArrayLike<number>,
  scaling: ColumnScaling,
  map: (value: number, mean: number, std: number) => number,
): Float32Array {
  const width = scaling.mean.length;
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const k = i % width;
    out[i] = map(values[i] as number, scaling.mean[k] as number, scaling.std[k] as number);
  }
  return out;
}
