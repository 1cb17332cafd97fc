import { describe, expect, it } from 'vitest';
import { batchSizeSeriesName, batchSizeSeriesNameText } from '../../src/index.js';

describe('batchSizeSeriesName', () => {
  it('names a batch of all n points the full batch, written full or as the number', () => {
    expect(batchSizeSeriesName({ label: 'full (100)', batchSize: 100 }, 100)).toEqual({
      kind: 'full-batch',
      n: 100,
    });
    expect(batchSizeSeriesName({ label: '100', batchSize: 100 }, 100)).toEqual({
      kind: 'full-batch',
      n: 100,
    });
    expect(batchSizeSeriesName({ label: '25', batchSize: 25 }, 100)).toEqual({
      kind: 'batch',
      label: '25',
    });
  });

  it('words it in English', () => {
    expect(batchSizeSeriesNameText({ kind: 'full-batch', n: 20 })).toBe('full batch (20)');
    expect(batchSizeSeriesNameText({ kind: 'batch', label: '5' })).toBe('batch 5');
  });
});
