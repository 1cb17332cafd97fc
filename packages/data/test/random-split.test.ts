import { countTensors, SeededRandom, type Tensor2D, tf } from '@epochlab/tensor';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  DataLoader,
  type Dataset,
  hasBatchAccess,
  randomSplit,
  Subset,
  subsetSizes,
  TensorDataset,
} from '../src/index.js';
import { BACKENDS, column, expectInvalid, useBackend, values } from './helpers.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const numbers = (n: number): Dataset<number> => ({ length: n, get: (i) => i });

describe('subsetSizes (PyTorch random_split rules)', () => {
  it('takes whole-number lengths as they are', () => {
    expect(subsetSizes([7, 3], 10)).toEqual([7, 3]);
    expect(subsetSizes([0, 10], 10)).toEqual([0, 10]);
  });

  it('floors fractions, then hands out the remainder round-robin from the first', () => {
    // 10 * [0.25, 0.25, 0.5] = [2.5, 2.5, 5] -> [2, 2, 5], 1 left -> [3, 2, 5]
    expect(subsetSizes([0.25, 0.25, 0.5], 10)).toEqual([3, 2, 5]);
    // 7 * 0.2 = 1.4 -> [1, 1, 1, 1, 1], 2 left -> [2, 2, 1, 1, 1]
    expect(subsetSizes([0.2, 0.2, 0.2, 0.2, 0.2], 7)).toEqual([2, 2, 1, 1, 1]);
    // 5 * [0.1, 0.2, 0.7] = [0.5, 1, 3.5] -> [0, 1, 3], 1 left -> [1, 1, 3]
    expect(subsetSizes([0.1, 0.2, 0.7], 5)).toEqual([1, 1, 3]);
    expect(subsetSizes([0.5, 0.5], 11)).toEqual([6, 5]);
    expect(subsetSizes([0.3, 0.3, 0.4], 30)).toEqual([9, 9, 12]);
    expect(subsetSizes([0.8, 0.2], 10)).toEqual([8, 2]);
  });

  it('names lengths when they do not describe a split', () => {
    expectInvalid(() => subsetSizes([5, 4], 10), 'lengths');
    expectInvalid(() => subsetSizes([5, 6], 10), 'lengths');
    expectInvalid(() => subsetSizes([-1, 11], 10), 'lengths');
    expectInvalid(() => subsetSizes([2.5, 7.5], 10), 'lengths');
    expectInvalid(() => subsetSizes([1.5, -0.5], 10), 'lengths');
    expectInvalid(() => subsetSizes([0.5, 0.4], 10), 'lengths');
    expectInvalid(() => subsetSizes([], 10), 'lengths');
    expectInvalid(() => subsetSizes([Number.NaN, 10], 10), 'lengths');
  });
});

describe('randomSplit', () => {
  it('cuts one seeded permutation into consecutive, disjoint pieces', () => {
    const [a, b, c] = randomSplit(numbers(10), [0.25, 0.25, 0.5], 3);
    const permutation = new SeededRandom(3).stream('random-split').permutation(10);
    expect(Array.from(a?.indices ?? [])).toEqual(Array.from(permutation.subarray(0, 3)));
    expect(Array.from(b?.indices ?? [])).toEqual(Array.from(permutation.subarray(3, 5)));
    expect(Array.from(c?.indices ?? [])).toEqual(Array.from(permutation.subarray(5, 10)));
    const all = [a, b, c].flatMap((subset) =>
      range(subset?.length ?? 0).map((i) => subset?.get(i)),
    );
    expect(all.sort((p = 0, q = 0) => p - q)).toEqual(range(10));
  });

  it('repeats for the same seed, differs for another, and draws from a given SeededRandom', () => {
    const split = (seed: number | SeededRandom) =>
      randomSplit(numbers(20), [15, 5], seed).map((s) => Array.from(s.indices));
    expect(split(1)).toEqual(split(1));
    expect(split(2)).not.toEqual(split(1));
    expect(split(0)).toEqual(
      Array.from(randomSplit(numbers(20), [15, 5]), (s) => Array.from(s.indices)),
    );
    const random = new SeededRandom(4).stream('split');
    const expected = new SeededRandom(4).stream('split').permutation(20);
    expect(split(random).flat()).toEqual(Array.from(expected));
  });

  it('names lengths and seed on bad input', () => {
    expectInvalid(() => randomSplit(numbers(10), [6, 3]), 'lengths');
    expectInvalid(() => randomSplit(numbers(10), [6, 4], -1), 'seed');
  });
});

describe('Subset', () => {
  it('maps indices and checks them', () => {
    const subset = new Subset(numbers(10), [7, 2, 2]);
    expect(subset.length).toBe(3);
    expect([subset.get(0), subset.get(1), subset.get(2)]).toEqual([7, 2, 2]);
    expect(subset.getBatch).toBeUndefined();
    expect(hasBatchAccess(subset)).toBe(false);
    expectInvalid(() => subset.get(3), 'index');
    expectInvalid(() => new Subset(numbers(10), [0, 10]), 'indices[1]');
    expectInvalid(() => new Subset(numbers(10), [0.5]), 'indices[0]');
  });
});

describe.each(BACKENDS)('splits of a TensorDataset on %s', (backend) => {
  useBackend(backend);

  it('keep batch access: one getBatch on the wrapped dataset per batch', () => {
    const x = column(10) as Tensor2D;
    const y = column(10, 10) as Tensor2D;
    const dataset = new TensorDataset(x, y);
    const before = countTensors();
    const [train, validation] = randomSplit(dataset, [0.8, 0.2], 11);
    expect(train?.length).toBe(8);
    expect(validation?.length).toBe(2);
    if (!train) throw new Error('no train split');
    expect(hasBatchAccess(train)).toBe(true);

    const [xb, yb] = train.getBatch(Int32Array.of(1, 0));
    expect(values(xb)).toEqual([train.indices[1], train.indices[0]]);
    expect(values(yb)).toEqual(values(xb).map((v) => v * 10));
    tf.dispose([xb, yb]);

    const loader = new DataLoader(train, { batchSize: 3, shuffle: true, seed: 1 });
    const perItem = new DataLoader<[Tensor2D, Tensor2D]>(
      { length: train.length, get: (i) => train.get(i) },
      { batchSize: 3, shuffle: true, seed: 1 },
    );
    const seen: number[] = [];
    for (const [xBatch] of loader) {
      expectTypeOf(xBatch).toEqualTypeOf<Tensor2D>();
      seen.push(...values(xBatch));
    }
    expect([...seen].sort((p, q) => p - q)).toEqual(
      Array.from(train.indices).sort((p, q) => p - q),
    );
    const fromBatches = Array.from(loader.batches(4), ([xBatch]) => values(xBatch));
    const fromItems = Array.from(perItem.batches(4), ([xBatch]) => values(xBatch));
    expect(fromItems).toEqual(fromBatches);
    expect(countTensors()).toBe(before);
    tf.dispose([x, y]);
  });
});
