import type { ChartSpec } from '@epochlab/plot';
import { describe, expect, it } from 'vitest';
import { legendBelow, legendsBelow } from '../src/ui/legend-below.js';

/** A layered chart whose colour scale names `names`, with a heatmap's fill legend on the right. */
function chart(names: readonly string[]): ChartSpec {
  return {
    layer: [
      {
        mark: 'rect',
        encoding: { fill: { field: 'loss', type: 'quantitative', legend: { orient: 'right' } } },
      },
      { mark: 'line', encoding: { color: { datum: names[0], scale: { domain: names } } } },
    ],
  } as unknown as ChartSpec;
}

const legendConfig = (spec: ChartSpec) =>
  (spec.config as { legend: Record<string, unknown> }).legend;

describe('legends under the plot on a phone', () => {
  it('puts two names a row when they fit half the width, one when a name is longer', () => {
    // "full batch (100)": 16 characters; "Final model, after 20,000 epochs": 32.
    expect(legendConfig(legendBelow(chart(['batch 1', 'full batch (100)'])))).toMatchObject({
      orient: 'bottom',
      columns: 2,
    });
    expect(
      legendConfig(legendBelow(chart(['Train', 'Final model, after 20,000 epochs']))).columns,
    ).toBe(1);
  });

  it('keeps a colour scale, above the plot as a horizontal gradient', () => {
    const spec = legendsBelow(chart(['batch 1'])) as unknown as {
      layer: { encoding: { fill?: { legend: Record<string, unknown> } } }[];
    };
    expect(spec.layer[0]?.encoding.fill?.legend).toMatchObject({
      orient: 'top',
      direction: 'horizontal',
    });
  });
});
