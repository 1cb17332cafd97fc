import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { ChartInputError } from '../src/errors.js';
import { renderPng } from '../src/node/render-png.js';
import {
  batchSizeSummaryChart,
  batchSizeSummaryChartData,
  type SummaryGroup,
} from '../src/spec/batch-size-summary-chart.js';
import { seriesPalette } from '../src/spec/theme.js';
import { allTexts, compileWarnings, headlessView } from './support/headless-view.js';
import { countPixels, decodePng, near } from './support/png.js';

const groups: SummaryGroup[] = [
  { name: '1', mean: 0.2, low: 0.17, high: 0.23, values: [0.17, 0.19, 0.21, 0.23] },
  { name: '5', mean: 0.22, low: 0.21, high: 0.24, values: [0.21, 0.21, 0.22, 0.24] },
  { name: 'full (100)', mean: 0.26, low: 0.255, high: 0.265 },
];

function field(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (ChartInputError.isInstance(error)) return error.field;
    throw error;
  }
  return 'no error';
}

describe('batchSizeSummaryChart', () => {
  it('holds a row per group and per seed value, columns in the given order', async () => {
    const spec = batchSizeSummaryChart({ groups, yTitle: 'Best validation loss' });
    const datasets = spec.datasets as Record<string, unknown[]>;
    expect(datasets[batchSizeSummaryChartData.groups]).toEqual(
      groups.map(({ name, mean, low, high }) => ({ name, mean, low, high })),
    );
    expect(datasets[batchSizeSummaryChartData.values]).toHaveLength(8);
    expect(compileWarnings(spec)).toEqual([]);
    const view = await headlessView(spec);
    expect(view.scale('x').domain()).toEqual(['1', '5', 'full (100)']);
    const texts = allTexts(view);
    for (const text of ['Batch size', 'Best validation loss', 'full (100)'])
      expect(texts).toContain(text);
    view.finalize();
  });

  it('uses a log scale on request, leaving out values it cannot draw', () => {
    const spec = batchSizeSummaryChart({
      groups: [{ name: 'a', mean: 0.5, low: 0, high: 1, values: [0, 0.5, Number.NaN] }],
      yTitle: 'Loss',
      logScale: true,
    });
    const datasets = spec.datasets as Record<string, { low?: number; value?: number }[]>;
    expect(datasets[batchSizeSummaryChartData.groups]?.[0]?.low).toBe(0.5);
    expect(datasets[batchSizeSummaryChartData.values]).toEqual([{ name: 'a', value: 0.5 }]);
    expect(compile(spec).spec.scales?.find((s) => s.name === 'y')).toMatchObject({ type: 'log' });
  });

  it('renders each group in its palette colour', async () => {
    const image = decodePng(
      await renderPng(batchSizeSummaryChart({ groups, yTitle: 'Loss' }), { scale: 1 }),
    );
    for (const color of seriesPalette.slice(0, 3)) {
      expect(countPixels(image, near(color))).toBeGreaterThan(60);
    }
  });

  it('names the field of bad input', () => {
    const twin = [groups[0], groups[0]] as SummaryGroup[];
    expect(field(() => batchSizeSummaryChart({ groups: twin, yTitle: 'y' }))).toBe(
      'groups[1].name',
    );
    const inverted = [{ name: 'a', mean: 1, low: 2, high: 0 }];
    expect(field(() => batchSizeSummaryChart({ groups: inverted, yTitle: 'y' }))).toBe(
      'groups[0].low',
    );
    expect(field(() => batchSizeSummaryChart({ groups, yTitle: 'y', width: -1 }))).toBe('width');
    expect(field(() => batchSizeSummaryChart({ groups: null as never, yTitle: 'y' }))).toBe(
      'groups',
    );
  });
});
