import { describe, expect, it } from 'vitest';
import {
  batchSizeGroupInfos,
  stepsAfterEpoch,
} from '../../src/batch-size-lab/batch-size-groups.js';
import { parseBatchSizeLabConfig } from '../../src/batch-size-lab/batch-size-lab-config.js';

describe('batchSizeGroupInfos', () => {
  it('names each batch size and counts its steps per epoch, the last short batch included', () => {
    const config = parseBatchSizeLabConfig({
      experiment: 'batch-size',
      n: 30,
      batchSizes: [1, 7, 'full'],
    });
    // 30 points: 30 batches of 1; 4 of 7 and one of 2 (5 steps); one of 30.
    expect(batchSizeGroupInfos(config)).toEqual([
      { option: 1, batchSize: 1, label: '1', stepsPerEpoch: 30 },
      { option: 7, batchSize: 7, label: '7', stepsPerEpoch: 5 },
      { option: 'full', batchSize: 30, label: 'full (30)', stepsPerEpoch: 1 },
    ]);
  });
});

describe('stepsAfterEpoch', () => {
  it('counts the steps of every epoch up to and including this one', () => {
    expect(stepsAfterEpoch(0, 20)).toBe(20);
    expect(stepsAfterEpoch(9, 20)).toBe(200);
    expect(stepsAfterEpoch(149, 1)).toBe(150);
  });
});
