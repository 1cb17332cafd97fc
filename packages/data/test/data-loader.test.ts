import { countTensors, type Tensor, type Tensor1D, type Tensor2D, tf } from '@epochlab/tensor';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  DataLoader,
  type Dataset,
  defaultCollate,
  type Sampler,
  Subset,
  TensorDataset,
} from '../src/index.js';
import { BACKENDS, column, expectInvalid, useBackend, values } from './helpers.js';

/** The notebook's XYDataset: items are [[x], [y]], so batches are [B, 1]. */
class XYDataset implements Dataset<[number[], number[]]> {
  constructor(
    readonly x: ArrayLike<number>,
    readonly y: ArrayLike<number>,
  ) {}

  get length(): number {
    return this.x.length;
  }

  get(index: number): [number[], number[]] {
    return [[this.x[index] as number], [this.y[index] as number]];
  }
}

/** The same, returning new tensors per item, as `torch.tensor([x])` does in the notebook. */
class TensorXYDataset implements Dataset<[Tensor1D, Tensor1D]> {
  constructor(
    readonly x: ArrayLike<number>,
    readonly y: ArrayLike<number>,
  ) {}

  get length(): number {
    return this.x.length;
  }

  get(index: number): [Tensor1D, Tensor1D] {
    return [tf.tensor1d([this.x[index] as number]), tf.tensor1d([this.y[index] as number])];
  }
}

/** The first tensor of each batch of an epoch, as plain numbers per batch. */
function epochValues(batches: Iterable<Tensor[]>): number[][] {
  return Array.from(batches, (batch) => values(batch[0] as Tensor));
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe.each(BACKENDS)('DataLoader on %s', (backend) => {
  useBackend(backend);
  let x: Tensor2D;
  let y: Tensor2D;
  let dataset: TensorDataset<[Tensor2D, Tensor2D]>;

  beforeAll(() => {
    x = column(10) as Tensor2D; // row i holds i, so a batch shows its indices
    y = column(10, 10) as Tensor2D; // row i holds 10 i
    dataset = new TensorDataset(x, y);
  });

  afterAll(() => {
    tf.dispose([x, y]);
  });

  describe('the TensorRowsLoaderV1 contract (what the fused training path reads)', () => {
    it('declares it, and tells the rows of every batch: the tensors and the order', () => {
      const loader = new DataLoader(dataset, { batchSize: 3, shuffle: true, seed: 9 });
      expect(loader.specificationVersion).toBe('tensor-rows-loader-v1');
      expect(loader.rowTensors).toBe(dataset.tensors);
      for (const epoch of [0, 1, 7]) {
        const order = Array.from(loader.order(epoch));
        // x's row i holds i: each batch's x values are the next slice of the order.
        expect(epochValues(loader.batches(epoch)).flat()).toEqual(order);
      }
    });

    it('has no row tensors when batches are formed another way (collate, a Subset)', () => {
      const collated = new DataLoader(dataset, {
        collate: (items) => tf.stack(items.map(([xi]) => xi)),
      });
      expect(collated.rowTensors).toBeUndefined();
      const subset = new DataLoader(new Subset(dataset, [2, 0]));
      expect(subset.rowTensors).toBeUndefined();
    });

    it('checks the epoch of order() as batches() does', () => {
      expectInvalid(() => new DataLoader(dataset).order(-1), 'epoch');
    });
  });

  describe('batching (N = 10, batch size 3)', () => {
    it('keeps the last short batch: sizes 3, 3, 3, 1, length 4', () => {
      const loader = new DataLoader(dataset, { batchSize: 3 });
      expect(loader.length).toBe(4);
      expect(epochValues(loader)).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]);
    });

    it('drops it with dropLast: sizes 3, 3, 3, length 3', () => {
      const loader = new DataLoader(dataset, { batchSize: 3, dropLast: true });
      expect(loader.length).toBe(3);
      expect(epochValues(loader).map((batch) => batch.length)).toEqual([3, 3, 3]);
    });

    it('gives [Tensor2D, Tensor2D] batches of shape [B, 1] with matching rows', () => {
      const loader = new DataLoader(dataset, { batchSize: 3, shuffle: true, seed: 4 });
      // what other packages declare they accept
      expectTypeOf(loader).toExtend<DataLoader<[Tensor, Tensor]>>();
      expectTypeOf(loader).toExtend<Iterable<Tensor[]>>();
      for (const [xb, yb] of loader) {
        expectTypeOf(xb).toEqualTypeOf<Tensor2D>();
        expectTypeOf(yb).toEqualTypeOf<Tensor2D>();
        expect(xb.shape[1]).toBe(1);
        expect(yb.shape).toEqual(xb.shape);
        expect(xb.dtype).toBe('float32');
        expect(values(yb)).toEqual(values(xb).map((v) => v * 10));
      }
    });

    it('defaults to batch size 1 in index order', () => {
      const loader = new DataLoader(dataset);
      expect(loader.length).toBe(10);
      expect(epochValues(loader).flat()).toEqual(range(10));
    });

    it('handles a batch size above N and an empty dataset', () => {
      expect(epochValues(new DataLoader(dataset, { batchSize: 64 }))).toEqual([range(10)]);
      expect(new DataLoader(dataset, { batchSize: 64, dropLast: true }).length).toBe(0);
      const empty = new XYDataset([], []);
      const loader = new DataLoader(empty, { shuffle: true });
      expect(loader.length).toBe(0);
      expect([...loader]).toEqual([]);
    });
  });

  describe('shuffling', () => {
    it('makes every epoch a permutation of 0..9, a fresh one each epoch', () => {
      const loader = new DataLoader(dataset, { batchSize: 3, shuffle: true, seed: 1 });
      const orders = range(5).map(() => epochValues(loader).flat());
      for (const order of orders) expect(sorted(order)).toEqual(range(10));
      expect(orders[1]).not.toEqual(orders[0]);
      expect(new Set(orders.map(String)).size).toBeGreaterThan(1);
      expect(loader.epochsStarted).toBe(5);
    });

    it('repeats the same orders for the same seed, and others for another seed', () => {
      const a = new DataLoader(dataset, { batchSize: 3, shuffle: true, seed: 7 });
      const b = new DataLoader(dataset, { batchSize: 3, shuffle: true, seed: 7 });
      const c = new DataLoader(dataset, { batchSize: 3, shuffle: true, seed: 8 });
      const ordersA = range(3).map(() => epochValues(a));
      const ordersB = range(3).map(() => epochValues(b));
      const ordersC = range(3).map(() => epochValues(c));
      expect(ordersB).toEqual(ordersA);
      expect(ordersC).not.toEqual(ordersA);
    });

    it("makes epoch e's order depend only on the seed and e", () => {
      const walked = new DataLoader(dataset, { batchSize: 3, shuffle: true, seed: 3 });
      for (let e = 0; e < 6; e++) for (const _ of walked) break;
      const sixth = epochValues(walked);
      const direct = new DataLoader(dataset, { batchSize: 3, shuffle: true, seed: 3 });
      expect(epochValues(direct.batches(6))).toEqual(sixth);
      expect(epochValues(direct.batches(0))).toEqual(epochValues(walked.batches(0)));
    });
  });

  describe('reading paths', () => {
    it('gives the same batches from getBatch as item by item', () => {
      const perItem: Dataset<Tensor[]> = { length: dataset.length, get: (i) => dataset.get(i) };
      const gathered = new DataLoader(dataset, { batchSize: 3, shuffle: true, seed: 5 });
      const itemwise = new DataLoader<Tensor[]>(perItem, { batchSize: 3, shuffle: true, seed: 5 });
      for (let epoch = 0; epoch < 3; epoch++) {
        const a = [...gathered].length;
        expect(a).toBe(4);
        const fromBatches = Array.from(gathered.batches(epoch), (b) => b.map(values));
        const shapes = Array.from(gathered.batches(epoch), (b) => b.map((t) => t.shape));
        const fromItems = Array.from(itemwise.batches(epoch), (b) => b.map(values));
        const itemShapes = Array.from(itemwise.batches(epoch), (b) => b.map((t) => t.shape));
        expect(fromItems).toEqual(fromBatches);
        expect(itemShapes).toEqual(shapes);
      }
    });

    it("runs the notebook's XYDataset (plain numbers) like a TensorDataset", () => {
      const xs = range(10);
      const xy = new XYDataset(
        xs,
        xs.map((v) => v * 10),
      );
      const loader = new DataLoader<[Tensor2D, Tensor2D]>(xy, {
        batchSize: 3,
        shuffle: true,
        seed: 2,
      });
      const reference = new DataLoader(dataset, { batchSize: 3, shuffle: true, seed: 2 });
      expect(loader.length).toBe(4);
      const fromXY = Array.from(loader, ([xb, yb]) => [xb.shape, values(xb), values(yb)]);
      const fromTensors = Array.from(reference, ([xb, yb]) => [xb.shape, values(xb), values(yb)]);
      expect(fromXY).toEqual(fromTensors);
    });

    it('types batches from collate: defaultCollate', () => {
      const xy = new XYDataset([1, 2], [3, 4]);
      const loader = new DataLoader(xy, { batchSize: 2, collate: defaultCollate });
      for (const [xb, yb] of loader) {
        expectTypeOf(xb).toEqualTypeOf<Tensor2D>();
        expect(values(yb)).toEqual([3, 4]);
      }
    });

    it('uses a custom collate, item by item, even for a TensorDataset', () => {
      const loader = new DataLoader(dataset, {
        batchSize: 4,
        collate: (items) => ({ inputs: tf.stack(items.map(([xi]) => xi)), count: items.length }),
      });
      const batches = Array.from(loader, (batch) => [values(batch.inputs), batch.count]);
      expect(batches).toEqual([
        [[0, 1, 2, 3], 4],
        [[4, 5, 6, 7], 4],
        [[8, 9], 2],
      ]);
    });
  });

  describe('samplers', () => {
    it('follows a fixed order given as an array, every epoch', () => {
      const loader = new DataLoader(dataset, {
        batchSize: 4,
        sampler: [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
      });
      expect(epochValues(loader)).toEqual([
        [9, 8, 7, 6],
        [5, 4, 3, 2],
        [1, 0],
      ]);
      expect(epochValues(loader)).toEqual([
        [9, 8, 7, 6],
        [5, 4, 3, 2],
        [1, 0],
      ]);
    });

    it('follows a Sampler, whose length sets the number of batches', () => {
      const evenThenOdd: Sampler = {
        length: 5,
        order: (epoch) => Int32Array.from(range(5), (i) => 2 * i + (epoch % 2)),
      };
      const loader = new DataLoader(dataset, { batchSize: 3, sampler: evenThenOdd });
      expect(loader.length).toBe(2);
      expect(epochValues(loader)).toEqual([
        [0, 2, 4],
        [6, 8],
      ]);
      expect(epochValues(loader)).toEqual([
        [1, 3, 5],
        [7, 9],
      ]);
    });

    it('rejects shuffle with a sampler and indices outside the dataset', () => {
      expectInvalid(() => new DataLoader(dataset, { shuffle: true, sampler: [0, 1] }), 'shuffle');
      expectInvalid(() => new DataLoader(dataset, { sampler: [0, 10] }), 'sampler[1]');
      const bad: Sampler = { length: 2, order: () => Int32Array.of(0, 12) };
      const loader = new DataLoader(dataset, { sampler: bad });
      expectInvalid(() => loader.batches(0), 'sampler.order(0)[1]');
      const short: Sampler = { length: 3, order: () => Int32Array.of(0) };
      expectInvalid(
        () => new DataLoader(dataset, { sampler: short }).batches(0),
        'sampler.order(0)',
      );
    });
  });

  describe('batch ownership', () => {
    it('disposes a batch when the iterator advances; a clone survives', () => {
      const loader = new DataLoader(dataset, { batchSize: 3 });
      const iterator = loader[Symbol.iterator]();
      const first = iterator.next().value as [Tensor2D, Tensor2D];
      const kept = tf.clone(first[0]);
      expect(first[0].isDisposed).toBe(false);
      iterator.next();
      expect(first[0].isDisposed).toBe(true);
      expect(first[1].isDisposed).toBe(true);
      expect(values(kept)).toEqual([0, 1, 2]);
      iterator.return?.();
      kept.dispose();
    });

    it('leaks nothing over 500 epochs, on the gather path and item by item', () => {
      const before = countTensors();
      const gathered = new DataLoader(dataset, { batchSize: 3, shuffle: true, seed: 9 });
      const xy = new TensorXYDataset(range(10), range(10));
      const itemwise = new DataLoader<[Tensor2D, Tensor2D]>(xy, { batchSize: 3, shuffle: true });
      let batches = 0;
      for (let epoch = 0; epoch < 500; epoch++) {
        for (const [xb] of gathered) batches += xb.shape[0] > 0 ? 1 : 0;
        for (const [xb] of itemwise) batches += xb.shape[0] > 0 ? 1 : 0;
        expect(countTensors()).toBe(before);
      }
      expect(batches).toBe(2 * 500 * 4);
    });

    it('leaks nothing on break, return() or an exception in the loop body', () => {
      const before = countTensors();
      const loader = new DataLoader(dataset, { batchSize: 3, shuffle: true });
      for (let epoch = 0; epoch < 50; epoch++) {
        for (const [xb] of loader) {
          if (xb.shape[0] > 0) break;
        }
      }
      expect(countTensors()).toBe(before);

      const iterator = loader.batches(0);
      iterator.next();
      iterator.next();
      iterator.return?.();
      expect(countTensors()).toBe(before);

      expect(() => {
        for (const _ of loader) throw new Error('stop');
      }).toThrow('stop');
      expect(countTensors()).toBe(before);
    });
  });

  describe('bad input', () => {
    it('names batchSize unless it is a whole number >= 1', () => {
      for (const batchSize of [0, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, '3']) {
        expectInvalid(
          () => new DataLoader(dataset, { batchSize: batchSize as number }),
          'batchSize',
        );
      }
    });

    it('names seed, shuffle, dropLast, collate, epoch and dataset', () => {
      expectInvalid(() => new DataLoader(dataset, { shuffle: true, seed: -1 }), 'seed');
      expectInvalid(() => new DataLoader(dataset, { seed: 1.5 }), 'seed');
      expectInvalid(
        () => new DataLoader(dataset, { shuffle: 'yes' as unknown as boolean }),
        'shuffle',
      );
      expectInvalid(
        () => new DataLoader(dataset, { dropLast: 1 as unknown as boolean }),
        'dropLast',
      );
      expectInvalid(
        () => new DataLoader(dataset, { collate: 'stack' as unknown as () => Tensor }),
        'collate',
      );
      const loader = new DataLoader(dataset);
      expectInvalid(() => loader.batches(-1), 'epoch');
      expectInvalid(() => loader.batches(0.5), 'epoch');
      expectInvalid(() => new DataLoader({ length: 3 } as unknown as Dataset<number>), 'dataset');
    });
  });
});
