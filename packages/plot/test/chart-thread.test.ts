import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// The built modules: the thread runs dist/node/chart-thread-worker.js.
import { ChartThread, renderSvg, svgToPng } from '../dist/node.js';
import { lossChart } from '../src/spec/loss-chart.js';

const history = {
  train: Array.from({ length: 300 }, (_, epoch) => ({ epoch, loss: 1 / (1 + epoch) })),
  val: Array.from({ length: 30 }, (_, i) => ({ epoch: i * 10, loss: 1.2 / (1 + i * 10) })),
};

describe('ChartThread', () => {
  const charts = ChartThread.start();
  afterAll(() => charts.close());

  it('renders each spec, in order, to the SVG and PNG of renderSvg and svgToPng', async () => {
    const specs = [lossChart({ history, title: 'linear' }), lossChart({ history, logScale: true })];
    const rendered = await charts.render(specs);
    expect(rendered).toHaveLength(2);
    for (const [i, spec] of specs.entries()) {
      const svg = await renderSvg(spec);
      expect(rendered[i]?.svg).toBe(svg);
      expect(Buffer.from(rendered[i]?.png ?? []).equals(Buffer.from(await svgToPng(svg)))).toBe(
        true,
      );
    }
  });

  it('reports a spec Vega cannot render as an error, and keeps rendering', async () => {
    const broken = { data: { values: [] }, mark: 'no-such-mark' };
    await expect(charts.render([broken as never])).rejects.toThrow(/chart rendering failed/);
    const [chart] = await charts.render([lossChart({ history })]);
    expect(chart?.svg).toMatch(/^<svg/);
  });

  it('never keeps a process alive: one that started a thread and rendered nothing exits', () => {
    const node = fileURLToPath(new URL('../dist/node.js', import.meta.url));
    const output = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { ChartThread } = await import(${JSON.stringify(node)});
         ChartThread.start();
         console.log('started');`,
      ],
      { encoding: 'utf8', timeout: 20_000 },
    );
    expect(output.trim()).toBe('started');
  });
});
