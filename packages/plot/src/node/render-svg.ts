import type { ChartSpec } from '../chart-types.js';
import { measureTextWithChartFont } from './text-measurement.js';
import { compile, parse, View } from './vega.js';

/**
 * Renders a chart to SVG text, with no DOM or canvas. Text is laid out with the
 * metrics of the chart font (Inter), the font `renderPng` draws with; SVG
 * viewers without Inter fall back to the next font of the spec's list.
 */
export async function renderSvg(spec: ChartSpec): Promise<string> {
  measureTextWithChartFont();
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
