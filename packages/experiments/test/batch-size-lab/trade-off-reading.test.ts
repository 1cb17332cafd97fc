import { describe, expect, it } from 'vitest';
import {
  type LabGroupSummary,
  type TradeOffReading,
  tradeOffReading,
  tradeOffReadingText,
} from '../../src/index.js';

const spread = (mean: number, std: number) => ({ mean, std, min: mean, max: mean, count: 8 });

/** A summary row on n = 100 points: batch size 100 is the full batch. */
function group(
  batchSize: number,
  steps: number,
  val: number,
  std: number,
  cosine: number,
): LabGroupSummary {
  return {
    label: batchSize === 100 ? 'full (100)' : String(batchSize),
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
  };
}

const withoutValidation = (row: LabGroupSummary): LabGroupSummary => ({
  ...row,
  finalValLoss: null,
  bestValLoss: null,
});

function read(groups: LabGroupSummary[], valN = 50): TradeOffReading {
  const reading = tradeOffReading(groups, { n: 100, valN });
  if (!reading) throw new Error('expected a reading');
  return reading;
}

describe('tradeOffReading', () => {
  it('names the lowest final loss and what the smallest and the full batch did', () => {
    const reading = read([
      group(1, 100, 0.2773, 0.011, 0.186),
      group(5, 20, 0.2698, 0.015, 0.252),
      group(25, 4, 0.2598, 0.0032, 0.254),
      group(100, 1, 0.34, 0.094, 1),
    ]);
    // 0.2698 - 0.2598 = 0.01 > 0.0032 (the best one's std): batch 25 alone is lowest.
    expect(reading.findings).toEqual([
      {
        code: 'lowest-final-loss',
        loss: 'validation',
        batch: {
          name: { kind: 'batch', label: '25' },
          batchSize: 25,
          stepsPerEpoch: 4,
          finalLoss: 0.2598,
          cosine: 0.254,
        },
      },
      {
        code: 'smallest-batch',
        batch: {
          name: { kind: 'batch', label: '1' },
          batchSize: 1,
          stepsPerEpoch: 100,
          finalLoss: 0.2773,
          cosine: 0.186,
        },
      },
      {
        code: 'full-batch',
        batch: {
          name: { kind: 'full-batch', n: 100 },
          batchSize: 100,
          stepsPerEpoch: 1,
          finalLoss: 0.34,
          cosine: 1,
        },
      },
    ]);
    expect(tradeOffReadingText(reading)).toBe(
      'trade-off: lowest final validation loss: batch 25, 0.2598; ' +
        'batch 1: 100 steps per epoch, the noisiest gradients (cosine 0.186), ends at 0.2773; ' +
        'full batch (100): 1 step per epoch, no gradient noise, ends at 0.3400',
    );
  });

  it('counts batch sizes within one std of the best as tied, and skips what they cover', () => {
    // 0.2605 - 0.2594 = 0.0011 <= 0.0026 (the best one's std): tied; 0.2737 is not.
    const reading = read([
      group(1, 100, 0.2737, 0.004, 0.158),
      group(5, 20, 0.2605, 0.0028, 0.186),
      group(25, 4, 0.2594, 0.0026, 0.221),
      group(100, 1, 0.2594, 0.0026, 1),
    ]);
    expect(reading.findings.map((finding) => finding.code)).toEqual([
      'tied-lowest-final-loss',
      'smallest-batch',
    ]);
    const tied = reading.findings[0];
    expect(tied?.code === 'tied-lowest-final-loss' && tied.best).toBe(0.2594);
    expect(tradeOffReadingText(reading)).toBe(
      'trade-off: lowest final validation loss: batch 5, batch 25 and full batch (100), within one std of 0.2594; ' +
        'batch 1: 100 steps per epoch, the noisiest gradients (cosine 0.158), ends at 0.2737',
    );
  });

  it('reads the final training loss without validation, and a largest batch that is not full', () => {
    // Training losses are val - 0.05: 0.25, 0.30, 0.35; no ties (std 0.001).
    const reading = read(
      [
        group(2, 50, 0.3, 0.001, 0.4),
        group(10, 10, 0.35, 0.001, 0.9),
        group(1, 100, 0.4, 0.001, 0.2),
      ].map(withoutValidation),
      0,
    );
    expect(tradeOffReadingText(reading)).toBe(
      'trade-off: lowest final training loss: batch 2, 0.2500; ' +
        'batch 1: 100 steps per epoch, the noisiest gradients (cosine 0.200), ends at 0.3500; ' +
        'batch 10: 10 steps per epoch, cosine 0.900, ends at 0.3000',
    );
  });

  it('quotes a cosine that was not measured as -', () => {
    const unmeasured = { ...group(1, 100, 0.5, 0.001, 0), finalGradientCosine: null };
    const reading = read([unmeasured, group(5, 20, 0.3, 0.001, 0.5)]);
    expect(tradeOffReadingText(reading)).toBe(
      'trade-off: lowest final validation loss: batch 5, 0.3000; ' +
        'batch 1: 100 steps per epoch, the noisiest gradients (cosine -), ends at 0.5000',
    );
  });

  it('says nothing with fewer than two batch sizes that ended with a finite loss', () => {
    const lab = { n: 100, valN: 50 };
    const diverged = group(1, 100, Number.NaN, Number.NaN, 0.1);
    expect(tradeOffReading([diverged, group(100, 1, 0.3, 0.01, 1)], lab)).toBe(undefined);
    expect(tradeOffReading([group(5, 20, 0.3, 0.01, 0.5)], lab)).toBe(undefined);
  });
});
