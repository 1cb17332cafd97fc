import { InvalidArgumentError, tf } from '@epochlab/tensor';

/** Bytes of one float32. */
const FLOAT32_BYTES = 4;

/** One weight read from the artifacts: its shape and a copy of its values. */
export interface DecodedWeight {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

function isShape(shape: unknown): shape is number[] {
  return (
    Array.isArray(shape) &&
    shape.every((size) => Number.isSafeInteger(size) && (size as number) >= 0)
  );
}

/**
 * Reads the weights `weightSpecs` describes out of `weightData`, in plain
 * JavaScript (no tensors, so a bad file cannot leak any): every entry must
 * be float32 without quantization, the bytes must be exactly as many as the
 * entries describe, and every value must be a finite number (NaN weights
 * would load and predict garbage). Throws `InvalidArgumentError` naming the
 * field that does not fit: `weightSpecs[2].dtype`, `weightData`,
 * `weight dense_1/kernel`.
 */
export function decodeFloat32Weights(
  weightSpecs: readonly tf.io.WeightsManifestEntry[],
  weightData: tf.io.WeightData,
): Map<string, DecodedWeight> {
  let expectedBytes = 0;
  weightSpecs.forEach((entry, index) => {
    const field = `weightSpecs[${index}]`;
    if (typeof entry !== 'object' || entry === null || typeof entry.name !== 'string') {
      throw new InvalidArgumentError(field, 'an entry { name, shape, dtype }', entry);
    }
    if (!isShape(entry.shape)) {
      throw new InvalidArgumentError(`${field}.shape`, 'a list of sizes', entry.shape);
    }
    if (entry.dtype !== 'float32') {
      throw new InvalidArgumentError(`${field}.dtype`, '"float32"', entry.dtype);
    }
    if (entry.quantization !== undefined) {
      throw new InvalidArgumentError(
        `${field}.quantization`,
        'no quantization (float32 weights as saved)',
        entry.quantization.dtype,
      );
    }
    expectedBytes += entry.shape.reduce((product, size) => product * size, 1) * FLOAT32_BYTES;
  });

  const bytes = tf.io.CompositeArrayBuffer.join(weightData);
  if (bytes.byteLength !== expectedBytes) {
    throw new InvalidArgumentError(
      'weightData',
      `the ${expectedBytes} bytes weightSpecs describes`,
      `${bytes.byteLength} bytes`,
    );
  }

  const weights = new Map<string, DecodedWeight>();
  let offset = 0;
  for (const entry of weightSpecs) {
    const count = entry.shape.reduce((product, size) => product * size, 1);
    const values = new Float32Array(bytes.slice(offset, offset + count * FLOAT32_BYTES));
    offset += count * FLOAT32_BYTES;
    const bad = values.findIndex((value) => !Number.isFinite(value));
    if (bad >= 0) {
      throw new InvalidArgumentError(
        `weight ${entry.name}`,
        'finite numbers',
        `${values[bad]} at index ${bad}`,
      );
    }
    weights.set(entry.name, { shape: entry.shape, values });
  }
  return weights;
}
