import { describe, expect, it } from 'vitest';
import type { LabGroupSummary, LabSummary } from '../src/output/lab/lab-summary.js';
import { tradeOffReading } from '../src/output/lab/lab-summary-text.js';

const spread = (mean: number, std: number) => ({ mean, std, min: mean, max: mean, count: 8 });

function group(batchSize: number, steps: number, val: number, std: number, cosine: number) {
  const label = batchSize === 100 ? 'full (100)' : String(batchSize);
  return {
    label,
    option: batchSize === 100 ? 'full' : batchSize,
    batchSize,
    stepsPerEpoch: steps,
    runs: { completed: 8 },
    secondsPerRun: 0.1,
    finalTrainLoss: spread(val - 0.05, std),
    finalValLoss: spread(val, std),
    bestValLoss: spread(val, std),
    gradientNoiseEpoch: 149,
    finalGradientCosine: spread(cosine, 0.01),
    finalGradientVariance: spread(1 / batchSize, 0.01),
  } satisfies LabGroupSummary;
}

function summary(groups: LabGroupSummary[]): LabSummary {
  return {
    experiment: 'batch-size',
    status: 'completed',
    backend: 'cpu',
    backendReason: '',
    trainingPath: 'fused-wasm-simd',
    seconds: 2,
    epochs: 150,
    seeds: 8,
    n: 100,
    valN: 50,
    groups,
  };
}

describe('tradeOffReading', () => {
  it('names the lowest final loss and what the smallest and the full batch did', () => {
    const reading = tradeOffReading(
      summary([
        group(1, 100, 0.2773, 0.011, 0.186),
        group(5, 20, 0.2698, 0.015, 0.252),
        group(25, 4, 0.2598, 0.0032, 0.254),
        group(100, 1, 0.34, 0.094, 1),
      ]),
      true,
    );
    expect(reading).toBe(
      'trade-off: lowest final validation loss: batch 25, 0.2598; ' +
        'batch 1: 100 steps per epoch, the noisiest gradients (cosine 0.186), ends at 0.2773; ' +
        'full batch (100): 1 step per epoch, no gradient noise, ends at 0.3400',
    );
  });

  it('counts batch sizes within one std of the best as tied, and skips what they cover', () => {
    // 0.2605 - 0.2594 = 0.0011 <= 0.0026 (the best one's std): tied; 0.2737 is not.
    const reading = tradeOffReading(
      summary([
        group(1, 100, 0.2737, 0.004, 0.158),
        group(5, 20, 0.2605, 0.0028, 0.186),
        group(25, 4, 0.2594, 0.0026, 0.221),
        group(100, 1, 0.2594, 0.0026, 1),
      ]),
      true,
    );
    expect(reading).toBe(
      'trade-off: lowest final validation loss: batch 5, batch 25 and full batch (100), within one std of 0.2594; ' +
        'batch 1: 100 steps per epoch, the noisiest gradients (cosine 0.158), ends at 0.2737',
    );
  });

  it('says nothing with fewer than two batch sizes that ended with a finite loss', () => {
    const diverged = { ...group(1, 100, Number.NaN, Number.NaN, 0.1) };
    expect(tradeOffReading(summary([diverged, group(100, 1, 0.3, 0.01, 1)]), true)).toBe(undefined);
  });
});
