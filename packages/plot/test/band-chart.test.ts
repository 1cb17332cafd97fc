import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { type BandRow, type BandSeries, bandChart, bandChartData } from '../src/spec/band-chart.js';
import { seriesPalette } from '../src/spec/theme.js';
import { chartInputField } from './support/chart-input-field.js';
import { allTexts, compileWarnings, headlessView, itemsOf } from './support/headless-view.js';

function decay(name: string, rate: number, spread: number): BandSeries {
  return {
    name,
    points: Array.from({ length: 50 }, (_, x) => {
      const mean = 0.1 + Math.exp(-x / rate);
      return { x, mean, low: mean - spread * mean, high: mean + spread * mean };
    }),
  };
}

const series = [decay('1', 5, 0.5), decay('5', 10, 0.3), decay('full (100)', 20, 0.05)];
const base = { series, xTitle: 'Epoch', yTitle: 'Training loss' };

const field = chartInputField;

describe('bandChart', () => {
  it('holds one row per point, tagged with its series, in one dataset', () => {
    const spec = bandChart(base);
    const rows = (spec.datasets as Record<string, BandRow[]>)[bandChartData.bands] as BandRow[];
    expect(rows).toHaveLength(150);
    expect(rows[50]).toEqual({ series: '5', ...series[1]?.points[0] });
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('draws a band (area, low to high) under a mean line per series, in palette order', async () => {
    const spec = bandChart(base);
    const layers = (
      spec as { layer: { mark: { type: string }; encoding: Record<string, { field?: string }> }[] }
    ).layer;
    expect(layers.map((l) => l.mark.type)).toEqual(['area', 'line']);
    expect(layers[0]?.encoding.y?.field).toBe('low');
    expect(layers[0]?.encoding.y2?.field).toBe('high');
    expect(layers[1]?.encoding.y?.field).toBe('mean');
    const view = await headlessView(spec);
    const lineColors = itemsOf(view, 'layer_1', 'line').map((item) => item.stroke);
    expect(new Set(lineColors)).toEqual(new Set(seriesPalette.slice(0, 3)));
    const areas = itemsOf(view, 'layer_0', 'area');
    expect(areas.length).toBeGreaterThan(0);
    const texts = allTexts(view);
    for (const text of ['Epoch', 'Training loss', '1', '5', 'full (100)'])
      expect(texts).toContain(text);
    view.finalize();
  });

  it('ends the x axis at the last x drawn, not at a rounder value past it', async () => {
    // A lab of 150 epochs: training measured at epochs 1..150, validation every 10 up to 140.
    const epochs = (last: number, every: number): BandSeries => ({
      name: 'batch 5',
      points: Array.from({ length: last / every }, (_, i) => ({
        x: (i + 1) * every,
        mean: 1,
        low: 0.9,
        high: 1.1,
      })),
    });
    for (const [band, last] of [
      [epochs(150, 1), 150],
      [epochs(140, 10), 140],
    ] as const) {
      const view = await headlessView(bandChart({ ...base, series: [band] }));
      expect(view.scale('x').domain()).toEqual([band.points[0]?.x, last]);
      view.finalize();
    }
  });

  it('uses a log y scale on request and leaves out what a log axis cannot draw', () => {
    const spec = bandChart({
      ...base,
      logScale: true,
      series: [
        {
          name: 'a',
          points: [
            { x: 0, mean: 1, low: -0.5, high: 2 },
            { x: 1, mean: 0.5, low: 0.25, high: 1 },
            { x: 2, mean: 0, low: 0, high: 0.1 },
            { x: 3, mean: Number.NaN, low: 0, high: 1 },
          ],
        },
      ],
    });
    const rows = (spec.datasets as Record<string, BandRow[]>)[bandChartData.bands] as BandRow[];
    expect(rows.map((r) => r.x)).toEqual([0, 1]);
    expect(rows[0]?.low).toBe(0.25); // floored at the smallest positive value
    const scale = compile(spec).spec.scales?.find((s) => s.name === 'y');
    expect(scale).toMatchObject({ type: 'log' });
  });

  it('uses a log x scale on request, labels its decades and leaves out x not above zero', async () => {
    const steps = (name: string, perEpoch: number): BandSeries => ({
      name,
      points: [0, 1, 9, 99].map((epoch) => ({
        x: epoch * perEpoch,
        mean: 1 / (1 + epoch),
        low: 0.5 / (1 + epoch),
        high: 2 / (1 + epoch),
      })),
    });
    const spec = bandChart({ ...base, logX: true, series: [steps('1', 100), steps('full', 1)] });
    const rows = (spec.datasets as Record<string, BandRow[]>)[bandChartData.bands] as BandRow[];
    // Epoch 0 is x = 0 for both series: a log axis cannot draw it.
    expect(rows.map((r) => r.x)).toEqual([100, 900, 9900, 1, 9, 99]);
    const scale = compile(spec).spec.scales?.find((s) => s.name === 'x');
    expect(scale).toMatchObject({ type: 'log' });
    expect(compileWarnings(spec)).toEqual([]);
    const view = await headlessView(spec);
    expect(allTexts(view)).toEqual(expect.arrayContaining(['1', '10', '100', '1k']));
    view.finalize();
  });

  it('names the field of bad input', () => {
    expect(field(() => bandChart({ ...base, series: [decay('a', 1, 0), decay('a', 2, 0)] }))).toBe(
      'series[1].name',
    );
    expect(field(() => bandChart({ ...base, series: [{ name: '', points: [] }] }))).toBe(
      'series[0].name',
    );
    const badX = { name: 'a', points: [{ x: Number.NaN, mean: 1, low: 0, high: 2 }] };
    expect(field(() => bandChart({ ...base, series: [badX] }))).toBe('series[0].points[0].x');
    const inverted = { name: 'a', points: [{ x: 0, mean: 1, low: 2, high: 0 }] };
    expect(field(() => bandChart({ ...base, series: [inverted] }))).toBe('series[0].points[0].low');
    expect(field(() => bandChart({ ...base, width: 0 }))).toBe('width');
    expect(field(() => bandChart({ ...base, series: undefined as unknown as BandSeries[] }))).toBe(
      'series',
    );
  });
});
