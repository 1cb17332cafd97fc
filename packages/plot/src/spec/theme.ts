import type { Config } from 'vega-lite';

/**
 * The font the charts ask for. Node rendering ships Inter and measures text
 * with it; browsers use Inter when the page loads it and fall back otherwise.
 */
export const chartFontFamily = 'Inter, "Helvetica Neue", Arial, sans-serif';

/** Series colours: train red and validation green as in the notebook (matplotlib's tab10 shades). */
export const seriesColors = {
  train: '#d62728',
  validation: '#2ca02c',
  model: '#1f77b4',
  bestModel: '#ff7f0e',
  truth: '#444444',
  marker: '#222222',
} as const;

/**
 * Colours of compared series (batch sizes, runs), in order: matplotlib's tab10
 * cycle, so the k-th series has the same colour in every chart. Longer lists
 * start over.
 */
export const seriesPalette = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
] as const;

/** The colour of the series at `index` in `seriesPalette`, cycling. */
export function paletteColor(index: number): string {
  return seriesPalette[index % seriesPalette.length] as string;
}

/** Size of a chart when the caller gives none, in pixels. */
export const defaultChartSize = { width: 640, height: 400 } as const;

/** Shared look: white background, light grid, readable sizes. */
export const chartConfig: Config = {
  font: chartFontFamily,
  background: 'white',
  padding: 8,
  view: { stroke: '#cccccc' },
  title: { fontSize: 16, fontWeight: 'bold', offset: 12 },
  axis: {
    grid: true,
    gridColor: '#e8e8e8',
    domainColor: '#888888',
    tickColor: '#888888',
    labelColor: '#333333',
    labelFontSize: 12,
    titleColor: '#222222',
    titleFontSize: 13,
    titleFontWeight: 'bold',
    titlePadding: 8,
  },
  legend: {
    labelFontSize: 13,
    // Room for names such as "Final model, after 20000 epochs" before Vega cuts them with "…".
    labelLimit: 280,
    labelColor: '#222222',
    rowPadding: 2,
    offset: 16,
  },
};

/**
 * Scale and axis settings of a linear position channel that does not start at
 * zero and whose domain ends on labelled ticks: `nice` rounds the domain with
 * the same tick count the axis uses. `tickCount` is a Vega expression such as
 * `'ceil(width / 60)'`; `padding` keeps marks this many pixels off the edges.
 */
export function niceLinearAxis(tickCount: string, padding?: number) {
  return {
    scale: { zero: false, nice: { expr: tickCount }, ...(padding ? { padding } : {}) },
    axis: { tickCount: { expr: tickCount } },
  };
}
