import * as encodeTransforms from 'vega-encode';
import * as dataTransforms from 'vega-transforms';
import * as viewTransforms from 'vega-view-transforms';
import { describe, expect, it } from 'vitest';
import { changeset, parse, registerChartTransforms, View } from '../src/browser/vega-runtime.js';
import type { ChartSpec } from '../src/chart-types.js';
import { bandChart } from '../src/spec/band-chart.js';
import { compareLossChart } from '../src/spec/compare-loss-chart.js';
import { compileLiveChart } from '../src/spec/compile-live-chart.js';
import { fitChart } from '../src/spec/fit-chart.js';
import { heatmapChart } from '../src/spec/heatmap-chart.js';
import { linspace } from '../src/spec/linspace.js';
import { lossChart, lossChartData } from '../src/spec/loss-chart.js';
import { lossSurfaceChart } from '../src/spec/loss-surface-chart.js';
import { predictedActualChart } from '../src/spec/predicted-actual-chart.js';
import { throughputChart } from '../src/spec/throughput-chart.js';

const line = (n: number) => ({ x: linspace(-1, 1, n), y: linspace(-1, 1, n).map((x) => 2 * x) });
const history = {
  train: [0, 1, 2, 3].map((epoch) => ({ epoch, loss: 1 / (1 + epoch) })),
  val: [0, 2].map((epoch) => ({ epoch, loss: 1.2 / (1 + epoch) })),
};
const surface = {
  m: linspace(-1, 2, 4),
  b: linspace(-1, 1, 3),
  values: Array.from({ length: 12 }, (_, i) => 0.1 + i / 12),
};

/** Every kind of chart this package builds, in its richest form. */
const CHARTS: Readonly<Record<string, ChartSpec>> = {
  fit: fitChart({ train: line(5), validation: line(3), truth: line(20), curve: line(20) }),
  'fit with the best model': fitChart({
    train: line(5),
    truth: line(20),
    curve: line(20),
    bestCurve: line(20),
  }),
  loss: lossChart({ history, pinned: [{ label: 'earlier', history }] }),
  'loss, log scale': lossChart({ history, logScale: true }),
  'compared losses': compareLossChart({
    runs: [
      { label: 'a', history },
      { label: 'b', history },
    ],
  }),
  bands: bandChart({
    series: [
      {
        name: '1',
        points: [0, 1, 2].map((x) => ({ x, mean: 1 / (1 + x), low: 0.5, high: 1.5 })),
      },
    ],
    xTitle: 'Epoch',
    yTitle: 'Loss',
    logScale: true,
  }),
  heatmap: heatmapChart({
    xValues: ['0.01', '0.1'],
    yValues: ['1'],
    cells: [
      { x: '0.01', y: '1', value: 0.3 },
      { x: '0.1', y: '1', value: null },
    ],
    xTitle: 'lr',
    yTitle: 'batch-size',
    valueTitle: 'loss',
  }),
  'loss surface': lossSurfaceChart({
    surface,
    paths: [
      {
        name: 'batch 1',
        points: [
          { m: -0.8, b: -0.8 },
          { m: 0, b: 0 },
        ],
      },
    ],
    start: { m: -0.8, b: -0.8 },
    minimum: { m: 1, b: 0.5 },
  }),
  throughput: throughputChart({
    points: [
      { series: 'cpu', batchSize: 1, samplesPerSecond: 1_000 },
      { series: 'cpu', batchSize: 16, samplesPerSecond: 9_000 },
    ],
    knees: [{ series: 'cpu', batchSize: 16, samplesPerSecond: 9_000 }],
    xTitle: 'Batch size',
    yTitle: 'Samples per second',
    kneeNote: 'diamond: the knee',
  }),
  'predicted against actual': predictedActualChart({
    train: { actual: [1, 2, 3], predicted: [1.5, 1.5, 3.5] },
    validation: { actual: [-1, 4], predicted: [0, 4.25] },
  }),
};

/** The `type` of every transform anywhere in a Vega spec (data, marks, nested groups). */
function transformTypes(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) transformTypes(item, found);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'transform' && Array.isArray(value)) {
        for (const step of value) found.add((step as { type: string }).type);
      }
      transformTypes(value, found);
    }
  }
  return found;
}

describe('the live charts’ Vega runtime', () => {
  it('registers every transform the package’s charts compile to, and not the ones they never use', async () => {
    // What vega-runtime.ts registers (the registry itself also gets the full `vega`'s transforms
    // here: Vega-Lite, which compiles the specs, imports `vega`).
    const registered = new Set(
      [dataTransforms, viewTransforms, encodeTransforms].flatMap((module) =>
        Object.keys(module).map((name) => name.toLowerCase()),
      ),
    );
    for (const left of ['geoshape', 'voronoi', 'force', 'treemap', 'wordcloud', 'label']) {
      expect(registered.has(left), left).toBe(false);
    }
    for (const [name, spec] of Object.entries(CHARTS)) {
      const used = [...transformTypes(compileLiveChart(spec).vega)];
      expect(used.length, name).toBeGreaterThan(0);
      expect(
        used.filter((type) => !registered.has(type.toLowerCase())),
        name,
      ).toEqual([]);
    }
  });

  it('runs each chart and takes live data', async () => {
    registerChartTransforms();
    for (const spec of Object.values(CHARTS)) {
      const view = new View(parse(compileLiveChart(spec).vega), { renderer: 'none' });
      await view.runAsync();
      view.finalize();
    }
    const loss = lossChart({ history: { train: [], val: [] } });
    const view = new View(parse(compileLiveChart(loss).vega), { renderer: 'none' });
    await view.runAsync();
    view.change(lossChartData.train, changeset().insert(history.train));
    await view.runAsync();
    expect(view.data(lossChartData.train)).toHaveLength(history.train.length);
  });
});
