import { describe, expect, it } from 'vitest';
import { heatmapChart, heatmapChartData } from '../src/spec/heatmap-chart.js';
import { chartInputField } from './support/chart-input-field.js';
import { allTexts, compileWarnings, headlessView, itemsOf } from './support/headless-view.js';

const base = {
  xValues: ['0.001', '0.01', '0.1'],
  yValues: ['1', '5'],
  xTitle: 'lr',
  yTitle: 'batch-size',
  valueTitle: 'best validation loss',
};
const cells = [
  { x: '0.001', y: '1', value: 0.328 },
  { x: '0.01', y: '1', value: 0.291 },
  { x: '0.1', y: '1', value: 0.237 },
  { x: '0.001', y: '5', value: 0.458 },
  { x: '0.01', y: '5', value: null },
  { x: '0.1', y: '5', value: Number.NaN },
];

const field = chartInputField;

describe('heatmapChart', () => {
  it('draws one cell per pair with its value written in it, n/a where there is none', async () => {
    const spec = heatmapChart({ ...base, cells });
    expect(compileWarnings(spec)).toEqual([]);
    const rows = (spec as { datasets: Record<string, { label: string; value: number | null }[]> })
      .datasets[heatmapChartData.cells];
    expect(rows?.map((row) => row.label)).toEqual([
      '0.328',
      '0.291',
      '0.237',
      '0.458',
      'n/a',
      'n/a',
    ]);
    expect(rows?.map((row) => row.value)).toEqual([0.328, 0.291, 0.237, 0.458, null, null]);
    const view = await headlessView(spec);
    // The two cells without a value stay empty: no coloured rectangle, only their n/a label.
    expect(itemsOf(view, 'layer_0', 'rect')).toHaveLength(4);
    const texts = allTexts(view);
    for (const text of [
      '0.328',
      '0.291',
      '0.237',
      '0.458',
      'n/a',
      'lr',
      'batch-size',
      '0.001',
      '5',
    ]) {
      expect(texts).toContain(text);
    }
  });

  it('refuses a cell outside the axis values and repeated axis values, naming the field', () => {
    expect(field(() => heatmapChart({ ...base, cells: [{ x: '1', y: '1', value: 1 }] }))).toBe(
      'cells[0].x',
    );
    expect(field(() => heatmapChart({ ...base, cells: [{ x: '0.1', y: '2', value: 1 }] }))).toBe(
      'cells[0].y',
    );
    expect(field(() => heatmapChart({ ...base, yValues: ['1', '1'], cells: [] }))).toBe('yValues');
  });
});
