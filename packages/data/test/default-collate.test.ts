import { countTensors, type Tensor, type Tensor1D, type Tensor2D, tf } from '@epochlab/tensor';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { defaultCollate } from '../src/index.js';
import { BACKENDS, expectInvalid, useBackend, values } from './helpers.js';

describe.each(BACKENDS)('defaultCollate on %s', (backend) => {
  useBackend(backend);

  it('turns [[x], [y]] items into two float32 [B, 1] tensors', () => {
    const items: [number[], number[]][] = [
      [[1], [10]],
      [[2], [20]],
      [[3], [30]],
    ];
    const before = countTensors();
    const [x, y] = defaultCollate(items);
    expectTypeOf(x).toEqualTypeOf<Tensor2D>();
    expect(x.shape).toEqual([3, 1]);
    expect(x.dtype).toBe('float32');
    expect(values(x)).toEqual([1, 2, 3]);
    expect(values(y)).toEqual([10, 20, 30]);
    expect(countTensors()).toBe(before + 2);
    tf.dispose([x, y]);
  });

  it('stacks tensor fields (one tf.stack) and leaves the items alone', () => {
    const items = [0, 1, 2].map(
      (i) => [tf.tensor1d([i]), tf.tensor1d([i * i])] as [Tensor1D, Tensor1D],
    );
    const before = countTensors();
    const [x, y] = defaultCollate(items);
    expectTypeOf(y).toEqualTypeOf<Tensor2D>();
    expect(x.shape).toEqual([3, 1]);
    expect(values(y)).toEqual([0, 1, 4]);
    expect(countTensors()).toBe(before + 2);
    expect(items.every(([a, b]) => !a.isDisposed && !b.isDisposed)).toBe(true);
    tf.dispose([x, y, ...items.flat()]);
  });

  it('handles single numbers, nested arrays, typed arrays and records', () => {
    const numbers = defaultCollate([1, 2, 3]);
    expect(numbers.shape).toEqual([3]);
    expect(values(numbers)).toEqual([1, 2, 3]);

    const nested = defaultCollate([
      [
        [
          [1, 2],
          [3, 4],
        ],
      ],
      [
        [
          [5, 6],
          [7, 8],
        ],
      ],
    ]);
    expect((nested[0] as Tensor).shape).toEqual([2, 2, 2]);
    expect(values(nested[0] as Tensor)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

    const typed = defaultCollate([[Float32Array.of(1, 2)], [Float32Array.of(3, 4)]]);
    expect((typed[0] as Tensor).shape).toEqual([2, 2]);
    const vectors = defaultCollate([Float32Array.of(1, 2, 3), Float32Array.of(4, 5, 6)]);
    expectTypeOf(vectors).toEqualTypeOf<Tensor2D>();
    expect(vectors.shape).toEqual([2, 3]);
    expect(values(vectors)).toEqual([1, 2, 3, 4, 5, 6]);

    const records = defaultCollate([
      { input: [1], label: 0 },
      { input: [2], label: 1 },
    ]);
    expectTypeOf(records).toEqualTypeOf<{ input: Tensor2D; label: Tensor1D }>();
    expect(records.input.shape).toEqual([2, 1]);
    expect(values(records.label)).toEqual([0, 1]);
    tf.dispose([numbers, nested, typed, vectors, records.input, records.label]);
  });

  it('rejects items of different structure, naming the item', () => {
    const before = countTensors();
    expectInvalid(
      () =>
        defaultCollate([
          [[1], [2]],
          [[1, 2], [3]],
        ]),
      'items[1][0]',
    );
    expectInvalid(() => defaultCollate([[[1]], 5 as unknown as number[][]]), 'items[1]');
    expectInvalid(
      () => defaultCollate([{ a: 1 }, { b: 2 } as unknown as { a: number }]),
      'items[1].a',
    );
    expectInvalid(() => defaultCollate([['text']]), 'items[0][0]');
    expectInvalid(() => defaultCollate([]), 'items');
    const a = tf.tensor1d([1]);
    const b = tf.tensor1d([1, 2]);
    expectInvalid(() => defaultCollate([a, b]), 'items[1]');
    tf.dispose([a, b]);
    expect(countTensors()).toBe(before);
  });
});
