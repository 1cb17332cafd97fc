import type { ChartSpec } from '../chart-types.js';
import { measureTextWithChartFont } from './text-measurement.js';

let vega: Promise<typeof import('./vega.js')> | undefined;

/**
 * Vega and Vega-Lite, loaded once, on the first chart: importing this package
 * does not pay their 40 ms (a chart thread calls it as it starts).
 */
export function loadVega(): Promise<typeof import('./vega.js')> {
  vega ??= import('./vega.js');
  return vega;
}

/**
 * Renders a chart to SVG text, with no DOM or canvas. Text is laid out with the
 * metrics of the chart font (Inter), the font `renderPng` draws with; SVG
 * viewers without Inter fall back to the next font of the spec's list.
 */
export async function renderSvg(spec: ChartSpec): Promise<string> {
  const { compile, parse, textMetrics, View } = await loadVega();
  measureTextWithChartFont(textMetrics);
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
