import type { TrainingHistory } from '@epochlab/train';
import { describe, expect, it } from 'vitest';
import {
  type BatchSizeGroup,
  type BatchSizeLabResult,
  defaultBatchSizeLabConfig,
  type LabRun,
  labGroupSummary,
  labSummary,
  type Spread,
} from '../../src/index.js';

const spread = (mean: number, std: number): Spread => ({
  mean,
  std,
  min: mean - std,
  max: mean + std,
  count: 2,
});

const history: TrainingHistory = { train: [], val: [] } as unknown as TrainingHistory;

function run(seed: number, status: LabRun['status']): LabRun {
  return {
    seed,
    status,
    history,
    finalTrainLoss: 0.1,
    finalValLoss: 0.2,
    bestValLoss: 0.15,
    bestValEpoch: 3,
  };
}

function group(
  batchSize: number,
  val: number,
  options: Partial<BatchSizeGroup> = {},
): BatchSizeGroup {
  return {
    option: batchSize === 100 ? 'full' : batchSize,
    batchSize,
    label: batchSize === 100 ? 'full (100)' : String(batchSize),
    stepsPerEpoch: Math.ceil(100 / batchSize),
    runs: [run(0, 'completed'), run(1, 'completed')],
    train: [],
    val: [],
    noise: [
      { epoch: 0, step: 100 / batchSize, cosine: spread(0.1, 0), variance: spread(9, 0) },
      { epoch: 9, step: 1000 / batchSize, cosine: spread(0.5, 0.01), variance: spread(2, 0.1) },
    ],
    finalTrainLoss: spread(val - 0.1, 0.01),
    finalValLoss: spread(val, 0.01),
    bestValLoss: spread(val - 0.01, 0.01),
    secondsPerRun: 0.25,
    ...options,
  };
}

describe('labGroupSummary', () => {
  it('counts run statuses (a stopped run is interrupted) and quotes the last noise measurement', () => {
    const row = labGroupSummary(
      group(5, 0.3, { runs: [run(0, 'completed'), run(1, 'aborted'), run(2, 'aborted')] }),
    );
    expect(row.runs).toEqual({ completed: 1, interrupted: 2 });
    expect(row.gradientNoiseEpoch).toBe(9);
    expect(row.finalGradientCosine).toEqual(spread(0.5, 0.01));
    expect(row.finalGradientVariance).toEqual(spread(2, 0.1));
    expect([row.label, row.option, row.batchSize, row.stepsPerEpoch]).toEqual(['5', 5, 5, 20]);
    expect(row.finalValLoss).toEqual(spread(0.3, 0.01));
  });

  it('gives null, not undefined, for what was not measured, so the summary is plain JSON', () => {
    const row = labGroupSummary(
      group(5, 0.3, { noise: [], finalValLoss: undefined, bestValLoss: undefined }),
    );
    expect(row.finalValLoss).toBeNull();
    expect(row.bestValLoss).toBeNull();
    expect(row.gradientNoiseEpoch).toBeNull();
    expect(row.finalGradientCosine).toBeNull();
    expect(JSON.parse(JSON.stringify(row))).toEqual(row);
  });
});

describe('labSummary', () => {
  const config = defaultBatchSizeLabConfig();
  const result: BatchSizeLabResult = {
    config,
    backend: { name: 'cpu', reason: 'asked for' } as BatchSizeLabResult['backend'],
    trainingPath: 'fused-wasm-simd',
    data: { train: { x: [], y: [] }, validation: undefined },
    groups: [group(1, 0.5), group(100, 0.2)],
    seconds: 1.5,
    status: 'aborted',
  };

  it('holds the lab settings, a row per batch size and the trade-off reading', () => {
    const summary = labSummary(result);
    expect(summary).toMatchObject({
      experiment: 'batch-size',
      status: 'interrupted',
      backend: 'cpu',
      backendReason: 'asked for',
      trainingPath: 'fused-wasm-simd',
      seconds: 1.5,
      epochs: 150,
      seeds: 8,
      n: 100,
      valN: 50,
    });
    expect(summary.groups.map((row) => row.label)).toEqual(['1', 'full (100)']);
    // The full batch ends lowest (0.2 vs 0.5, std 0.01); batch 1 is the smallest, not tied.
    expect(summary.tradeOff?.findings.map((finding) => finding.code)).toEqual([
      'lowest-final-loss',
      'smallest-batch',
    ]);
  });

  it('has no reading with one batch size', () => {
    expect(labSummary({ ...result, groups: [group(5, 0.3)] }).tradeOff).toBeNull();
  });
});
