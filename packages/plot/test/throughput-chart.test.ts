import { describe, expect, it } from 'vitest';
import {
  type ThroughputPoint,
  throughputChart,
  throughputChartData,
} from '../src/spec/throughput-chart.js';
import { chartInputField } from './support/chart-input-field.js';
import { allTexts, compileWarnings, headlessView, itemsOf } from './support/headless-view.js';

const points: ThroughputPoint[] = [
  { series: 'cpu, notebook', batchSize: 1, samplesPerSecond: 1_000 },
  { series: 'cpu, notebook', batchSize: 16, samplesPerSecond: 9_000 },
  { series: 'cpu, notebook', batchSize: 256, samplesPerSecond: 10_000 },
  { series: 'webgl, wide', batchSize: 1, samplesPerSecond: 50 },
  { series: 'webgl, wide', batchSize: 16, samplesPerSecond: 0 },
];
const knees: ThroughputPoint[] = [
  { series: 'cpu, notebook', batchSize: 16, samplesPerSecond: 9_000 },
];
const base = {
  points,
  knees,
  xTitle: 'Batch size',
  yTitle: 'Samples per second',
  kneeNote: 'diamond: where larger batches stop paying off',
};

describe('throughputChart', () => {
  it('keeps the points a log axis can draw, and the knees, in their own datasets', () => {
    const spec = throughputChart(base);
    const datasets = spec.datasets as Record<string, ThroughputPoint[]>;
    // The zero throughput (a measurement too short to count) cannot sit on a log axis.
    expect(datasets[throughputChartData.points]).toEqual(points.slice(0, 4));
    expect(datasets[throughputChartData.knees]).toEqual(knees);
    expect(compileWarnings(spec)).toEqual([]);
    expect(spec.title).toEqual({ text: '', subtitle: [base.kneeNote] });
  });

  it('draws a line per series on log axes and a diamond at each knee, with the note under the title', async () => {
    const view = await headlessView(throughputChart({ ...base, title: 'Throughput' }));
    const lineColors = itemsOf(view, 'layer_0', 'line').map((item) => item.stroke);
    expect(new Set(lineColors).size).toBe(2);
    const diamonds = itemsOf(view, 'layer_1', 'symbol');
    expect(diamonds).toHaveLength(1);
    expect((diamonds[0] as { shape?: string } | undefined)?.shape).toBe('diamond');
    const texts = allTexts(view);
    for (const text of ['Throughput', 'Batch size', 'cpu, notebook', 'webgl, wide'])
      expect(texts).toContain(text);
    view.finalize();
  });

  it('names the field of a bad point', () => {
    const bad = (row: Partial<ThroughputPoint>) =>
      chartInputField(() =>
        throughputChart({ ...base, points: [{ ...points[0], ...row } as ThroughputPoint] }),
      );
    expect(bad({ batchSize: 0 })).toBe('points[0].batchSize');
    expect(bad({ samplesPerSecond: Number.NaN })).toBe('points[0].samplesPerSecond');
    expect(bad({ series: '' })).toBe('points[0].series');
    expect(bad({})).toBe('no error');
    expect(
      chartInputField(() => throughputChart({ ...base, kneeNote: 3 as unknown as string })),
    ).toBe('kneeNote');
  });
});
