import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { renderPng } from '../src/node/render-png.js';
import { renderSvg } from '../src/node/render-svg.js';
import { fitChart } from '../src/spec/fit-chart.js';
import { linspace } from '../src/spec/linspace.js';
import { lossChart } from '../src/spec/loss-chart.js';
import { countPixels, decodePng, near, pngSize } from './support/png.js';

const curveX = linspace(-1, 1, 120);
const fitInput = {
  train: { x: [-0.8, -0.3, 0.1, 0.5, 0.9], y: [-0.7, -0.35, 0.15, 0.4, 0.95] },
  validation: { x: [-0.6, 0, 0.7], y: [-0.5, 0.05, 0.6] },
  curve: { x: curveX, y: curveX.map((x) => x + 0.05 * Math.sin(8 * x)) },
  truth: { x: [-1, 1], y: [-1, 1] },
};
const history = {
  train: Array.from({ length: 2000 }, (_, epoch) => ({
    epoch,
    loss: 0.05 + Math.exp(-epoch / 300),
  })),
  val: Array.from({ length: 200 }, (_, i) => ({
    epoch: i * 10,
    loss: 0.1 + Math.exp(-(i * 10) / 280) + 0.00002 * Math.max(0, i * 10 - 900),
  })),
};

function parseSvg(svg: string) {
  const problems: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => {
      problems.push(`${level}: ${message}`);
    },
  }).parseFromString(svg, 'image/svg+xml');
  expect(problems).toEqual([]);
  return document;
}

describe('renderSvg', () => {
  it('gives well-formed SVG of the chart size with the axis titles and legend entries', async () => {
    const svg = await renderSvg(
      fitChart({ ...fitInput, title: 'Ajuste del modelo', width: 600, height: 380 }),
    );
    const document = parseSvg(svg);
    const root = document.documentElement;
    expect(root?.tagName).toBe('svg');
    expect(root?.getAttribute('width')).toBe('600');
    expect(root?.getAttribute('height')).toBe('380');
    const texts = Array.from(document.getElementsByTagName('text')).map((t) => t.textContent);
    for (const text of [
      'Ajuste del modelo',
      'x',
      'y',
      'Train',
      'Validation',
      'Model',
      'True function',
    ]) {
      expect(texts).toContain(text);
    }
  });

  it('renders the loss chart with its titles, legend and best-epoch note', async () => {
    const document = parseSvg(await renderSvg(lossChart({ history, logScale: true })));
    const texts = Array.from(document.getElementsByTagName('text')).map((t) => t.textContent);
    for (const text of ['Epoch', 'Loss', 'Train', 'Validation']) expect(texts).toContain(text);
    expect(texts.some((t) => t?.startsWith('Best validation: epoch '))).toBe(true);
  });
});

describe('renderPng', () => {
  it('has the requested size: chart size times scale, or a given width', async () => {
    const spec = fitChart({ ...fitInput, width: 640, height: 400 });
    expect(pngSize(await renderPng(spec))).toEqual({ width: 1280, height: 800 });
    expect(pngSize(await renderPng(spec, { scale: 1 }))).toEqual({ width: 640, height: 400 });
    expect(pngSize(await renderPng(spec, { width: 960 }))).toEqual({ width: 960, height: 600 });
    await expect(renderPng(spec, { scale: 0 })).rejects.toThrow(/scale must be a positive number/);
    await expect(renderPng(spec, { width: 10.5 })).rejects.toThrow(
      /width must be a positive integer/,
    );
  });

  it('decodes to a picture with red training and green validation points, not a blank page', async () => {
    const image = decodePng(await renderPng(fitChart(fitInput), { scale: 1 }));
    expect(image.width).toBe(640);
    const total = image.width * image.height;
    const notWhite = countPixels(image, ([r, g, b]) => r + g + b < 3 * 235);
    expect(notWhite / total).toBeGreaterThan(0.03);
    expect(notWhite / total).toBeLessThan(0.5);
    // A dot is about 70 px² (~50 px inside its white outline): 5 red, 3 green, plus legend dots.
    expect(countPixels(image, near('#d62728'))).toBeGreaterThan(5 * 25);
    expect(countPixels(image, near('#2ca02c'))).toBeGreaterThan(3 * 25);
    expect(countPixels(image, near('#1f77b4'))).toBeGreaterThan(200); // the model's curve
    expect(image.at(0, 0)).toEqual([255, 255, 255, 255]); // opaque white background
  });

  it('draws text: two titles of the same length differ exactly in the title band', async () => {
    const render = async (title: string) =>
      decodePng(await renderPng(fitChart({ ...fitInput, title }), { scale: 1 }));
    const first = await render('AAAAAAAA');
    const second = await render('VVVVVVVV');
    let differing = 0;
    let lowestDifferingRow = 0;
    for (let y = 0; y < first.height; y++) {
      for (let x = 0; x < first.width; x++) {
        if (first.at(x, y).join() !== second.at(x, y).join()) {
          differing++;
          lowestDifferingRow = y;
        }
      }
    }
    expect(differing).toBeGreaterThan(100);
    expect(lowestDifferingRow).toBeLessThan(40); // everything else is laid out the same
    // The title is dark text on white: the band holds dark pixels.
    const band = { x: 0, y: 0, width: first.width, height: 40 };
    expect(countPixels(first, ([r, g, b]) => r + g + b < 200, band)).toBeGreaterThan(100);
  });

  it('renders the same bytes every time (nothing depends on the machine)', async () => {
    const spec = lossChart({ history });
    const a = await renderPng(spec, { scale: 1 });
    const b = await renderPng(spec, { scale: 1 });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
