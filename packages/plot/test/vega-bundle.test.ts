import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modulesLoaded } from '../../../tools/module-log/modules-loaded.js';
// The built module: its Vega is the bundle (scripts/bundle-vega.mjs).
import { renderSvg as renderSvgWithBundle } from '../dist/node/render-svg.js';
// The source module: vitest loads Vega from its packages, as before the bundle.
import { renderSvg as renderSvgWithPackages } from '../src/node/render-svg.js';
import { fitChart } from '../src/spec/fit-chart.js';
import { linspace } from '../src/spec/linspace.js';
import { lossChart } from '../src/spec/loss-chart.js';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const curveX = linspace(-1, 1, 120);
const history = {
  train: Array.from({ length: 500 }, (_, epoch) => ({ epoch, loss: 0.05 + Math.exp(-epoch / 90) })),
  val: Array.from({ length: 50 }, (_, i) => ({ epoch: i * 10, loss: 0.1 + Math.exp(-i / 8) })),
};

describe('Vega bundled into one file for Node', () => {
  it.each([
    ['loss chart (log scale)', lossChart({ history, logScale: true, title: 'Loss' })],
    [
      'fit chart',
      fitChart({
        train: { x: [-0.8, -0.3, 0.1, 0.5, 0.9], y: [-0.7, -0.35, 0.15, 0.4, 0.95] },
        validation: { x: [-0.6, 0, 0.7], y: [-0.5, 0.05, 0.6] },
        curve: { x: curveX, y: curveX.map((x) => x + 0.05 * Math.sin(8 * x)) },
        truth: { x: [-1, 1], y: [-1, 1] },
      }),
    ],
  ])('draws the %s to the same SVG as Vega from its packages', async (_name, spec) => {
    const fromBundle = await renderSvgWithBundle(spec);
    expect(fromBundle).toContain('<svg');
    expect(fromBundle).toBe(await renderSvgWithPackages(spec));
  });

  it('is one module: rendering in Node loads no Vega package', () => {
    const { modules } = modulesLoaded(
      [
        '--input-type=module',
        '-e',
        `const { renderSvg } = await import('./dist/node/render-svg.js');
         const { lossChart } = await import('./dist/spec/loss-chart.js');
         await renderSvg(lossChart({ history: { train: [{ epoch: 0, loss: 1 }], val: [] } }));`,
      ],
      packageRoot,
    );
    const urls = modules.map((module) => module.url);
    expect(urls.some((url) => url.endsWith('/dist/node/vega.js'))).toBe(true);
    expect(urls.filter((url) => /\/vega(-[a-z-]+)?\//.test(url))).toEqual([]);
  });
});
