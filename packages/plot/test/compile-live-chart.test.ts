import { parse, View } from 'vega';
import { describe, expect, it } from 'vitest';
import { compileLiveChart } from '../src/spec/compile-live-chart.js';
import { fitChart, fitChartData } from '../src/spec/fit-chart.js';
import { withLiveLayout } from '../src/spec/live-layout.js';
import { lossChart, lossChartData } from '../src/spec/loss-chart.js';
import { headlessView, itemsOf } from './support/headless-view.js';

const history = {
  train: [
    { epoch: 0, loss: 1 },
    { epoch: 1, loss: 0.5 },
    { epoch: 2, loss: 0.25 },
  ],
  val: [{ epoch: 0, loss: 0.8 }],
};

describe('compileLiveChart', () => {
  it('names the datasets live updates may change, the Vega-Lite spec’s own', () => {
    const compiled = compileLiveChart(lossChart({ history }));
    expect([...compiled.datasets].sort()).toEqual(Object.values(lossChartData).sort());
  });

  it('gives plain JSON a worker can post (structured clone and JSON keep it whole)', () => {
    const compiled = compileLiveChart(
      fitChart({ train: { x: [0, 1], y: [0.1, 0.9] }, truth: { x: [0, 1], y: [0, 1] } }),
    );
    expect(structuredClone(compiled)).toEqual(compiled);
    expect(JSON.parse(JSON.stringify(compiled))).toEqual(compiled);
    expect(compiled.datasets).toContain(fitChartData.train);
  });

  it('keeps the live layout: Vega recomputes it on every update', () => {
    const compiled = compileLiveChart(lossChart({ history }));
    expect(compiled.vega.autosize).toMatchObject({ resize: true });
  });

  it('draws what Vega-Lite’s own compile of the live spec draws', async () => {
    const spec = lossChart({ history });
    const view = new View(parse(compileLiveChart(spec).vega), { renderer: 'none' });
    await view.runAsync();
    const reference = await headlessView(withLiveLayout(spec));
    const points = (v: View) => itemsOf(v, 'layer', 'line').map((item) => [item.x, item.y]);
    expect(points(view).length).toBeGreaterThan(0);
    expect(points(view)).toEqual(points(reference));
  });
});
