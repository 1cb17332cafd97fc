import type { BandSeries } from '@epochlab/plot';
import { describe, expect, it } from 'vitest';
import { bandWidthExtremes, bandWidthText, meanBandWidth } from '../src/lab/band-width-text.js';
import { LAB_MESSAGES } from '../src/lab/lab-messages.js';

/** A band of constant mean 1 whose half-widths are `halfWidths`, one point per epoch. */
function band(name: string, halfWidths: readonly number[]): BandSeries {
  return {
    name,
    points: halfWidths.map((half, index) => ({
      x: index + 1,
      mean: 1,
      low: 1 - half,
      high: 1 + half,
    })),
  };
}

describe('the lab text on the training-loss bands', () => {
  it('averages a band’s width over its points', () => {
    // Widths 0.2, 0.4 and 0.9: (0.2 + 0.4 + 0.9) / 3 = 0.5.
    expect(meanBandWidth(band('batch 1', [0.1, 0.2, 0.45]))).toBeCloseTo(0.5, 12);
    expect(meanBandWidth(band('batch 1', []))).toBeUndefined();
  });

  it('names the batch sizes whose seeds agree most and least, as the run shows', () => {
    // Mean widths by hand: batch 1: (0.02 + 0.04) = 0.06 / 2 = 0.03; batch 5: 0.1; full: 0.3.
    // The default lab looks like this: batch size 1 has the narrowest band.
    const series = [
      band('batch 1', [0.01, 0.02]),
      band('batch 5', [0.05, 0.05]),
      band('full batch (100)', [0.1, 0.2]),
    ];
    expect(bandWidthExtremes(series)).toEqual({
      narrowest: 'batch 1',
      widest: 'full batch (100)',
    });
    expect(bandWidthText(series, LAB_MESSAGES.en)).toBe(
      'In this run, batch 1 has the narrowest band (its seeds agree most) and full batch (100) the widest.',
    );
    // The other way round, the words follow the numbers.
    const reversed = [band('lote 1', [0.3, 0.3]), band('lote 5', [0.01, 0.03])];
    expect(bandWidthText(reversed, LAB_MESSAGES.es)).toBe(
      'En esta ejecución, lote 5 tiene la banda más estrecha (sus semillas coinciden más) y lote 1 la más ancha.',
    );
  });

  it('says nothing until two batch sizes are drawn, or when every band is as wide', () => {
    expect(bandWidthText([band('batch 1', [0.1]), band('batch 5', [])], LAB_MESSAGES.en)).toBe('');
    // One seed: every band is a line of width 0.
    expect(bandWidthText([band('batch 1', [0, 0]), band('batch 5', [0])], LAB_MESSAGES.en)).toBe(
      '',
    );
  });
});
