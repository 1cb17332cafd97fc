import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { renderPng } from '../src/node/render-png.js';
import { renderSvg } from '../src/node/render-svg.js';
import { bandChart } from '../src/spec/band-chart.js';
import { linspace } from '../src/spec/linspace.js';
import { lossSurfaceChart } from '../src/spec/loss-surface-chart.js';
import { seriesPalette } from '../src/spec/theme.js';
import { countPixels, decodePng, near } from './support/png.js';

// A line fitted with L1 loss to 40 points of y = x: the lab's two-parameter view in miniature.
const xs = Array.from({ length: 40 }, (_, i) => -1 + (2 * i) / 39);
const ys = xs.map((x, i) => x + 0.2 * Math.sin(7 * i));
const l1 = (m: number, b: number) =>
  xs.reduce((sum, x, i) => sum + Math.abs(m * x + b - (ys[i] as number)), 0) / xs.length;

function gradientDescent(batch: (step: number) => number[], lr: number, steps: number) {
  const points = [{ m: -1, b: -1.5 }];
  for (let step = 0; step < steps; step++) {
    const { m, b } = points[step] as { m: number; b: number };
    let dm = 0;
    let db = 0;
    const indices = batch(step);
    for (const i of indices) {
      const sign = Math.sign(m * (xs[i] as number) + b - (ys[i] as number));
      dm += sign * (xs[i] as number);
      db += sign;
    }
    points.push({ m: m - (lr * dm) / indices.length, b: b - (lr * db) / indices.length });
  }
  return points;
}

const m = linspace(-1.4, 1.5, 60);
const b = linspace(-1.8, 0.5, 50);
const surfaceInput = {
  surface: { m, b, values: b.flatMap((bj) => m.map((mi) => l1(mi, bj))) },
  paths: [
    { name: 'Batch size 1', points: gradientDescent((step) => [(step * 17) % 40], 0.05, 150) },
    { name: 'Full batch', points: gradientDescent(() => xs.map((_, i) => i), 0.05, 150) },
  ],
  start: { m: -1, b: -1.5 },
  minimum: { m: 1, b: 0 },
  title: 'L1 loss of y = m x + b',
};

const bandInput = {
  series: ['1', '5', '25', 'full'].map((name, k) => ({
    name,
    points: Array.from({ length: 60 }, (_, x) => {
      const mean = 0.2 + Math.exp(-x / (5 + 8 * k));
      return { x, mean, low: mean * (1 - 0.3 / (k + 1)), high: mean * (1 + 0.3 / (k + 1)) };
    }),
  })),
  xTitle: 'Epoch',
  yTitle: 'Training loss',
  legendTitle: 'Batch size',
};

function svgTexts(svg: string): string[] {
  const problems: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => {
      problems.push(`${level}: ${message}`);
    },
  }).parseFromString(svg, 'image/svg+xml');
  expect(problems).toEqual([]);
  return Array.from(document.getElementsByTagName('text')).map((t) => t.textContent ?? '');
}

describe('rendering the batch-size lab charts', () => {
  it('loss surface: SVG with axis titles and legend, PNG with heatmap, contours and both paths', async () => {
    const spec = lossSurfaceChart(surfaceInput);
    const texts = svgTexts(await renderSvg(spec));
    for (const text of [
      'L1 loss of y = m x + b',
      'Slope m',
      'Intercept b',
      'Loss',
      'Batch size 1',
      'Full batch',
      'Start',
      'Minimum',
    ]) {
      expect(texts).toContain(text);
    }
    const image = decodePng(await renderPng(spec, { scale: 1 }));
    expect([image.width, image.height]).toEqual([640, 480]);
    const total = image.width * image.height;
    // The heatmap tints most of the plot; white is the margin around it.
    const tinted = countPixels(image, ([r, g, bl]) => r < 250 && r + g + bl > 3 * 180);
    expect(tinted / total).toBeGreaterThan(0.35);
    expect(countPixels(image, near('#6b6b6b', 30))).toBeGreaterThan(500); // contour lines
    expect(countPixels(image, near(seriesPalette[0] as string))).toBeGreaterThan(300);
    expect(countPixels(image, near(seriesPalette[1] as string))).toBeGreaterThan(300);
    expect(countPixels(image, near('#f2c200'))).toBeGreaterThan(40); // the minimum's diamond
  });

  it('band chart: SVG with titles and legend, PNG with every series colour', async () => {
    for (const logScale of [false, true]) {
      const spec = bandChart({ ...bandInput, logScale });
      const texts = svgTexts(await renderSvg(spec));
      for (const text of ['Epoch', 'Training loss', 'Batch size', '1', '5', '25', 'full']) {
        expect(texts).toContain(text);
      }
      const image = decodePng(await renderPng(spec, { scale: 1 }));
      for (const color of seriesPalette.slice(0, 4)) {
        expect(countPixels(image, near(color))).toBeGreaterThan(150);
      }
    }
  });
});
