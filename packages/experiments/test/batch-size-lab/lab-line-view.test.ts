import { describe, expect, it } from 'vitest';
import { labLineView, lineViewBatchSizes } from '../../src/index.js';

describe('lineViewBatchSizes', () => {
  it('adds the full batch after the config batch sizes when they leave it out', () => {
    expect(lineViewBatchSizes({ n: 100, batchSizes: [1, 5] })).toEqual([
      { label: '1', batchSize: 1 },
      { label: '5', batchSize: 5 },
      { label: 'full (100)', batchSize: 100 },
    ]);
  });

  it('draws the full batch once, written full or as n', () => {
    expect(lineViewBatchSizes({ n: 20, batchSizes: ['full', 1] })).toEqual([
      { label: 'full (20)', batchSize: 20 },
      { label: '1', batchSize: 1 },
    ]);
    expect(lineViewBatchSizes({ n: 20, batchSizes: [4, 20] })).toEqual([
      { label: '4', batchSize: 4 },
      { label: '20', batchSize: 20 },
    ]);
  });
});

describe('labLineView', () => {
  // Two points (0, 0) and (1, 2) with MSE: L(m, b) = ((b)^2 + (m + b - 2)^2) / 2.
  // From (0, 0): L = 2; the gradient is (e2 * x2, e1 + e2) with e = (0, -2): (-2, -2).
  // One step with lr 0.1 gives (0.2, 0.2), where L = (0.2^2 + 1.6^2) / 2 = 1.3.
  const settings = {
    n: 2,
    batchSizes: [1],
    loss: 'mse',
    shuffle: false,
    seed: 0,
    pathStart: [0, 0],
    pathLr: 0.1,
    pathSteps: 1,
  } as const;
  const train = { x: [0, 1], y: [0, 2] };

  it('draws the config batch sizes and the full batch, the full batch as plain gradient descent', () => {
    const view = labLineView({ ...settings, batchSizes: [1] }, train);
    expect(view.paths.map((path) => [path.label, path.batchSize])).toEqual([
      ['1', 1],
      ['full (2)', 2],
    ]);
    const full = view.paths[1]?.points ?? [];
    expect(full).toHaveLength(2);
    expect(full[0]).toEqual({ m: 0, b: 0, loss: 2 });
    expect(full[1]?.m).toBeCloseTo(0.2, 15);
    expect(full[1]?.b).toBeCloseTo(0.2, 15);
    expect(full[1]?.loss).toBeCloseTo(1.3, 14);
    // Batch size 1, unshuffled: the first batch is (0, 0) alone, where the line fits (e = 0): no move.
    expect(view.paths[0]?.points[1]).toEqual({ m: 0, b: 0, loss: 2 });
    // The lowest point of L: the line through both points, m = 2, b = 0.
    expect(view.minimum.m).toBeCloseTo(2, 6);
    expect(view.minimum.b).toBeCloseTo(0, 6);
  });

  it('fits the points as the networks train on them: rounded to float32', () => {
    // Points (0, 0.3) and (1, 2), MSE, at (0, 0): L = (y1^2 + y2^2) / 2 with y1 = fround(0.3),
    // the float32 nearest 0.3: 10066330 * 2^-25 = 0.300000011920928955078125, not 0.3.
    const y1 = 10066330 / 2 ** 25;
    const view = labLineView(settings, { x: [0, 1], y: [0.3, 2] });
    expect(view.paths[0]?.points[0]?.loss).toBe((y1 * y1 + 4) / 2);
    expect(view.paths[0]?.points[0]?.loss).not.toBe((0.3 * 0.3 + 4) / 2);
  });

  it('takes the surface resolution asked for; the paths do not depend on it', () => {
    const coarse = labLineView(settings, train, { resolution: 10 });
    const fine = labLineView(settings, train);
    expect(coarse.surface.m).toHaveLength(10);
    expect(fine.surface.m).toHaveLength(80);
    expect(coarse.paths).toEqual(fine.paths);
  });
});
