import {
  InvalidArgumentError,
  type Scalar,
  type Tensor,
  type Tensor1D,
  type Tensor2D,
  tf,
} from '@epochlab/tensor';

/** What `defaultCollate` turns one field of the items into. */
export type CollatedField<Field> = Field extends Scalar
  ? Tensor1D
  : Field extends Tensor1D
    ? Tensor2D
    : Field extends Tensor
      ? Tensor
      : Field extends number
        ? Tensor1D
        : Field extends readonly number[] | TypedVector
          ? Tensor2D
          : Tensor;

/** What `defaultCollate` turns items of type `Item` into. */
export type Collated<Item> = Item extends Tensor | number | TypedVector
  ? CollatedField<Item>
  : { -readonly [Key in keyof Item]: CollatedField<Item[Key]> };

type TypedVector = Float32Array | Float64Array | Int32Array;
type NumericVector = readonly number[] | TypedVector;

/**
 * Stacks a list of items into one batch, in one `tf.tidy` (PyTorch's
 * `default_collate`, for the item shapes the notebook uses).
 *
 * An item is one field or a tuple (array) or record (plain object) of fields;
 * each field becomes one tensor whose first dimension is the batch:
 * - a tensor of shape `S` -> `tf.stack` -> shape `[B, ...S]` (same dtype);
 * - a number -> float32 `[B]`;
 * - an array of numbers (nested arrays or a typed array) of shape `S` -> float32 `[B, ...S]`.
 *
 * So the notebook's `XYDataset`, whose items are `[[x], [y]]` (or two tensors
 * of shape `[1]`, as `torch.tensor([x])` gives), is batched into
 * `[Tensor2D, Tensor2D]` of shape `[B, 1]`. Unlike PyTorch, an array of numbers
 * is one field, not a tuple of number fields: that is what makes `[B, 1]`.
 *
 * The result is new tensors owned by the caller; the items are not disposed.
 */
export function defaultCollate<Item>(items: readonly Item[]): Collated<Item> {
  if (!Array.isArray(items) || items.length === 0) {
    throw new InvalidArgumentError('items', 'a non-empty array of items', items);
  }
  return tf.tidy(() => {
    const first = items[0];
    if (first instanceof tf.Tensor || typeof first === 'number' || ArrayBuffer.isView(first)) {
      return collateField(items, '');
    }
    if (Array.isArray(first)) {
      return first.map((_, position) =>
        collateField(
          fieldValues(items, position, `[${position}]`, (item) => Array.isArray(item)),
          `[${position}]`,
        ),
      );
    }
    if (isRecord(first)) {
      const batch: Record<string, Tensor> = {};
      for (const key of Object.keys(first)) {
        batch[key] = collateField(fieldValues(items, key, `.${key}`, isRecord), `.${key}`);
      }
      return batch;
    }
    throw new InvalidArgumentError(
      'items[0]',
      'a tensor, a number, an array of numbers, or an array or plain object of those',
      first,
    );
  }) as Collated<Item>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Field `key` of every item, checking that every item has the container kind of the first. */
function fieldValues(
  items: readonly unknown[],
  key: string | number,
  path: string,
  sameKind: (item: unknown) => boolean,
): unknown[] {
  return items.map((item, i) => {
    if (!sameKind(item)) {
      throw new InvalidArgumentError(`items[${i}]`, 'the same structure as items[0]', item);
    }
    const value = (item as Record<string | number, unknown>)[key];
    if (value === undefined) {
      throw new InvalidArgumentError(`items[${i}]${path}`, 'present, as in items[0]', value);
    }
    return value;
  });
}

/** One field across the batch -> one tensor of shape [B, ...fieldShape]. */
function collateField(values: readonly unknown[], path: string): Tensor {
  const first = values[0];
  if (first instanceof tf.Tensor) {
    values.forEach((value, i) => {
      if (!(value instanceof tf.Tensor) || !sameShape(value.shape, first.shape)) {
        throw new InvalidArgumentError(
          `items[${i}]${path}`,
          `a tensor of shape [${first.shape.join(', ')}], as in items[0]`,
          value instanceof tf.Tensor ? `a tensor of shape [${value.shape.join(', ')}]` : value,
        );
      }
    });
    return tf.stack(values as Tensor[]);
  }
  const fieldShape = numericShape(first);
  if (fieldShape === undefined) {
    throw new InvalidArgumentError(
      `items[0]${path}`,
      'a tensor, a number or an array of numbers',
      first,
    );
  }
  const fieldSize = fieldShape.reduce((size, dim) => size * dim, 1);
  const flat = new Float32Array(values.length * fieldSize);
  values.forEach((value, i) => {
    if (!fillNumeric(value, fieldShape, 0, flat, i * fieldSize)) {
      throw new InvalidArgumentError(
        `items[${i}]${path}`,
        `numbers of shape [${fieldShape.join(', ')}], as in items[0]`,
        value,
      );
    }
  });
  return tf.tensor(flat, [values.length, ...fieldShape], 'float32');
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((dim, axis) => dim === b[axis]);
}

/** The shape of a number or (nested) array of numbers, following first elements. */
function numericShape(value: unknown): number[] | undefined {
  if (typeof value === 'number') return [];
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return [(value as NumericVector).length];
  }
  if (!Array.isArray(value)) return undefined;
  if (value.length === 0) return [0];
  const inner = numericShape(value[0]);
  return inner === undefined ? undefined : [value.length, ...inner];
}

/** Writes `value` (of shape `shape[axis:]`) into `out` at `offset`; false on a shape mismatch. */
function fillNumeric(
  value: unknown,
  shape: readonly number[],
  axis: number,
  out: Float32Array,
  offset: number,
): boolean {
  if (axis === shape.length) {
    if (typeof value !== 'number') return false;
    out[offset] = value;
    return true;
  }
  const size = shape[axis] as number;
  if (axis === shape.length - 1 && ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const vector = value as NumericVector;
    if (vector.length !== size) return false;
    for (let k = 0; k < size; k++) out[offset + k] = vector[k] as number;
    return true;
  }
  if (!Array.isArray(value) || value.length !== size) return false;
  const stride = shape.slice(axis + 1).reduce((product, dim) => product * dim, 1);
  for (let k = 0; k < size; k++) {
    if (!fillNumeric(value[k], shape, axis + 1, out, offset + k * stride)) return false;
  }
  return true;
}
