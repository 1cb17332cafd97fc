import { describe, expect, it } from 'vitest';
import { type BatchSizeGroup, labBandPoints, spreadOf } from '../../src/index.js';

// Losses 1, 2, 6 over three seeds: mean 3, sample std sqrt(((-2)² + (-1)² + 3²) / 2) = sqrt(7).
// The band is mean ± std kept within the seeds' range: low max(3 - 2.6458, 1) = 1, high 3 + sqrt(7).
const spread = spreadOf([1, 2, 6]);
const single = spreadOf([0.5]);

const group = {
  option: 4,
  batchSize: 4,
  label: '4',
  stepsPerEpoch: 3, // 12 points in batches of 4
  runs: [],
  train: [
    { x: 0, ...spread },
    { x: 1, ...single },
  ],
  val: [{ x: 0, ...single }],
  noise: [{ epoch: 5, step: 18, cosine: spread, variance: single }],
  finalTrainLoss: single,
  finalValLoss: single,
  bestValLoss: single,
  secondsPerRun: 0.1,
} satisfies BatchSizeGroup;

describe('labBandPoints', () => {
  it('draws the mean with one standard deviation either side, within the seeds’ range', () => {
    const [first, second] = labBandPoints(group, 'train');
    expect(first?.x).toBe(0);
    expect(first?.mean).toBe(3);
    expect(first?.low).toBe(1);
    expect(first?.high).toBeCloseTo(3 + Math.sqrt(7), 12);
    expect(second).toEqual({ x: 1, mean: 0.5, low: 0.5, high: 0.5 });
  });

  it('puts a loss against the gradient steps taken by the end of its epoch', () => {
    // 3 steps per epoch: epoch 0 ends at step 3, epoch 1 at step 6.
    expect(labBandPoints(group, 'train', 'step').map((point) => point.x)).toEqual([3, 6]);
    expect(labBandPoints(group, 'val', 'step').map((point) => point.x)).toEqual([3]);
  });

  it('puts the gradient noise against the epoch it was measured after', () => {
    const [cosine] = labBandPoints(group, 'cosine', 'step');
    expect(cosine?.x).toBe(5);
    expect(cosine?.low).toBe(1);
    expect(labBandPoints(group, 'variance')).toEqual([{ x: 5, mean: 0.5, low: 0.5, high: 0.5 }]);
  });
});
