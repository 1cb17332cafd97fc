import { RandomSampler } from '@epochlab/data';
import { InvalidArgumentError, SeededRandom } from '@epochlab/tensor';
import { describe, expect, it } from 'vitest';
import { type DescentPathOptions, descentPath } from '../../src/line-view/index.js';

const xs = [-1, 0, 2];
const ys = [0.5, 1, 1];

/** The gradient of the mean squared error of y = m x + b over the points at `indices`. */
function mseGradient(m: number, b: number, px: number[], py: number[], indices: number[]) {
  let dm = 0;
  let db = 0;
  for (const i of indices) {
    const e = m * (px[i] as number) + b - (py[i] as number);
    dm += 2 * e * (px[i] as number);
    db += 2 * e;
  }
  return { dm: dm / indices.length, db: db / indices.length };
}

function randomPoints(n: number, seed: number) {
  const random = new SeededRandom(seed).stream('descent-path-test');
  const px = Array.from({ length: n }, () => random.uniform(-1, 1));
  const py = px.map((x) => x + random.normal(0, 0.3));
  return { px, py };
}

describe('descentPath', () => {
  it('full batch, by hand: MSE from (1, 0.5) with lr 0.1 goes to (11/15, 1/2), then (5/9, 1/2 + 4/225)', () => {
    const options: DescentPathOptions = {
      xs,
      ys,
      loss: 'mse',
      start: [1, 0.5],
      lr: 0.1,
      steps: 2,
      batchSize: 3,
      shuffle: false,
      seed: 0,
    };
    const path = descentPath(options);
    expect(path).toHaveLength(3);
    expect(path[0]).toEqual({ m: 1, b: 0.5, loss: expect.closeTo(3.5 / 3, 14) });
    // Step 1: gradient (8/3, 0).
    expect(path[1]?.m).toBeCloseTo(1 - 0.8 / 3, 14);
    expect(path[1]?.b).toBeCloseTo(0.5, 14);
    // Step 2: residuals -11/15, -1/2, 29/30, gradient (16/9, -8/45).
    expect(path[2]?.m).toBeCloseTo(5 / 9, 14);
    expect(path[2]?.b).toBeCloseTo(0.5 + 4 / 225, 14);
    // Deterministic: the same call gives the same numbers.
    expect(descentPath(options)).toEqual(path);
  });

  it('full batch, by hand: L1 from (1, 0.5) with lr 0.3 steps by -0.3 (1, -1/3) twice', () => {
    const path = descentPath({
      xs,
      ys,
      loss: 'l1',
      start: [1, 0.5],
      lr: 0.3,
      steps: 2,
      batchSize: 3,
      shuffle: true,
      seed: 5,
    });
    // Residuals (-1, -0.5, 1.5), then (-0.6, -0.4, 1): signs (-1, -1, 1) both times.
    expect(path.map((p) => p.m)).toEqual([1, expect.closeTo(0.7, 14), expect.closeTo(0.4, 14)]);
    expect(path.map((p) => p.b)).toEqual([0.5, expect.closeTo(0.6, 14), expect.closeTo(0.7, 14)]);
    expect(path[0]?.loss).toBeCloseTo(1, 14);
  });

  it('every full-batch step is start minus lr times the analytic gradient', () => {
    const { px, py } = randomPoints(40, 3);
    const path = descentPath({
      xs: px,
      ys: py,
      loss: 'mse',
      start: [-1, 2],
      lr: 0.2,
      steps: 60,
      batchSize: 40,
      shuffle: false,
      seed: 0,
    });
    expect(path).toHaveLength(61);
    const all = px.map((_, i) => i);
    for (let k = 0; k < 60; k++) {
      const here = path[k] as { m: number; b: number };
      const { dm, db } = mseGradient(here.m, here.b, px, py, all);
      expect(path[k + 1]?.m).toBeCloseTo(here.m - 0.2 * dm, 12);
      expect(path[k + 1]?.b).toBeCloseTo(here.b - 0.2 * db, 12);
    }
  });

  it('with batch size n is exactly the full-batch path, shuffled or not', () => {
    const { px, py } = randomPoints(30, 8);
    for (const loss of ['l1', 'mse', 'huber'] as const) {
      const common = { xs: px, ys: py, loss, start: [2, -1] as const, lr: 0.1, steps: 50 };
      const full = descentPath({ ...common, batchSize: 30, shuffle: false, seed: 0 });
      expect(descentPath({ ...common, batchSize: 30, shuffle: true, seed: 0 })).toEqual(full);
      expect(descentPath({ ...common, batchSize: 30, shuffle: true, seed: 17 })).toEqual(full);
    }
  });

  it('takes mini-batches in RandomSampler order, a new order every epoch, short last batch kept', () => {
    const n = 10;
    const { px, py } = randomPoints(n, 21);
    const sampler = new RandomSampler(n, 9);
    for (const batchSize of [1, 4]) {
      // 4 points per batch over 10 points: batches of 4, 4, 2, then the next epoch.
      const batches: number[][] = [];
      for (let epoch = 0; batches.length < 25; epoch++) {
        const order = Array.from(sampler.order(epoch));
        for (let at = 0; at < n; at += batchSize) batches.push(order.slice(at, at + batchSize));
      }
      const path = descentPath({
        xs: px,
        ys: py,
        loss: 'mse',
        start: [0.5, 0.5],
        lr: 0.05,
        steps: 25,
        batchSize,
        shuffle: true,
        seed: 9,
      });
      expect(path).toHaveLength(26);
      batches.slice(0, 25).forEach((batch, k) => {
        const here = path[k] as { m: number; b: number };
        const { dm, db } = mseGradient(here.m, here.b, px, py, batch);
        expect(path[k + 1]?.m).toBeCloseTo(here.m - 0.05 * dm, 12);
        expect(path[k + 1]?.b).toBeCloseTo(here.b - 0.05 * db, 12);
      });
      if (batchSize === 4) expect(batches[2]).toHaveLength(2);
    }
  });

  it('without shuffling takes the points in order 0..n-1 every epoch', () => {
    const { px, py } = randomPoints(5, 2);
    const path = descentPath({
      xs: px,
      ys: py,
      loss: 'mse',
      start: [0, 0],
      lr: 0.1,
      steps: 12,
      batchSize: 2,
      shuffle: false,
      seed: 0,
    });
    const batches = [
      [0, 1],
      [2, 3],
      [4],
      [0, 1],
      [2, 3],
      [4],
      [0, 1],
      [2, 3],
      [4],
      [0, 1],
      [2, 3],
      [4],
    ];
    batches.forEach((batch, k) => {
      const here = path[k] as { m: number; b: number };
      const { dm, db } = mseGradient(here.m, here.b, px, py, batch);
      expect(path[k + 1]?.m).toBeCloseTo(here.m - 0.1 * dm, 12);
      expect(path[k + 1]?.b).toBeCloseTo(here.b - 0.1 * db, 12);
    });
  });

  it('stops before the first non-finite point when the path diverges', () => {
    const path = descentPath({
      xs: [100, -200, 300],
      ys: [1, 2, 3],
      loss: 'mse',
      start: [1, 1],
      lr: 10,
      steps: 1000,
      batchSize: 3,
      shuffle: false,
      seed: 0,
    });
    expect(path.length).toBeGreaterThan(1);
    expect(path.length).toBeLessThan(1001);
    for (const point of path) {
      expect([point.m, point.b, point.loss].every(Number.isFinite)).toBe(true);
    }
  });

  it('with 0 steps is the start alone; names the option of bad input', () => {
    const base: DescentPathOptions = {
      xs,
      ys,
      loss: 'l1',
      start: [1, 2],
      lr: 0.1,
      steps: 0,
      batchSize: 1,
      shuffle: true,
      seed: 0,
    };
    expect(descentPath(base)).toEqual([{ m: 1, b: 2, loss: expect.any(Number) }]);
    const parameter = (changes: Partial<DescentPathOptions>) => {
      try {
        descentPath({ ...base, ...changes });
      } catch (error) {
        if (InvalidArgumentError.isInstance(error)) return error.parameter;
        throw error;
      }
      return 'no error';
    };
    expect(parameter({ batchSize: 4 })).toBe('batchSize');
    expect(parameter({ batchSize: 0 })).toBe('batchSize');
    expect(parameter({ lr: 0 })).toBe('lr');
    expect(parameter({ steps: 1.5 })).toBe('steps');
    expect(parameter({ start: [1, Number.NaN] })).toBe('start');
    expect(parameter({ ys: [1, 2] })).toBe('ys');
  });
});
