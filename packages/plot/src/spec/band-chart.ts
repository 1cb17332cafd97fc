import type { PositionFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import type { UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { ChartSize, ChartSpec } from '../chart-types.js';
import { ChartInputError } from '../errors.js';
import { chartFrame } from './chart-frame.js';
import { niceLinearAxis, paletteColor } from './theme.js';
import { chartSize, uniqueName } from './validate-input.js';

/** One x of a band: the mean, and the band's lower and upper edge (min/max, mean ± std, ...). */
export interface BandChartPoint {
  readonly x: number;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

/** One series of a band chart: a legend name and its points. */
export interface BandSeries {
  readonly name: string;
  readonly points: readonly BandChartPoint[];
}

/** A row of the band chart's dataset. */
export interface BandRow {
  series: string;
  x: number;
  mean: number;
  low: number;
  high: number;
}

/** Name of the band chart's dataset, for live updates (rows are `BandRow`s). */
export const bandChartData = { bands: 'bands' } as const;

export interface BandChartOptions extends ChartSize {
  /** One mean line and band per series, coloured in this order with `seriesPalette`. */
  series: readonly BandSeries[];
  xTitle: string;
  yTitle: string;
  /** Logarithmic y axis. Default false. */
  logScale?: boolean;
  /**
   * Logarithmic x axis (labels 1, 10, 100, 1k, ...), for x values that span
   * orders of magnitude such as gradient steps across batch sizes; points with
   * x not above zero are left out. Default false.
   */
  logX?: boolean;
  /** Title above the legend (for example 'Batch size'). Default: none. */
  legendTitle?: string;
  title?: string;
}

/**
 * Several series, each a mean line over a shaded band (for example the loss of
 * eight seeds per batch size: their mean, and their min to max), on the same
 * axes. Series take the colours of `seriesPalette` in order, so the same
 * position has the same colour as in `lossSurfaceChart`.
 *
 * Points that cannot be drawn are left out, as in `lossChart`: those with a
 * non-finite mean, low or high (a diverged run) and, on a log scale, those
 * whose mean is not above zero; on a log scale a low edge not above zero is
 * drawn at the smallest positive value of the chart (the band reaches the
 * bottom of the axis). With `logX`, points with x not above zero are left out. Throws `ChartInputError` naming the field for a
 * non-finite x, a low above its high, a missing or repeated series name, or a
 * non-positive size.
 */
export function bandChart(options: BandChartOptions): ChartSpec {
  const size = chartSize(options);
  const logScale = options.logScale ?? false;
  if (!Array.isArray(options.series)) {
    throw new ChartInputError('series', 'an array of { name, points }', options.series);
  }
  const names = options.series.map((_, i) => uniqueName(options.series, i, 'series', 'series'));
  for (const field of ['xTitle', 'yTitle'] as const) {
    if (typeof options[field] !== 'string') {
      throw new ChartInputError(field, 'a string', options[field]);
    }
  }

  const logX = options.logX ?? false;
  const rows = options.series
    .flatMap((series, i) => bandRows(series, `series[${i}]`, logScale))
    .filter((row) => !logX || row.x > 0);
  if (logScale) {
    const positive = rows.flatMap((r) => [r.low, r.mean, r.high]).filter((v) => v > 0);
    const floor = positive.reduce((a, v) => Math.min(a, v), Number.POSITIVE_INFINITY);
    for (const row of rows) if (row.low <= 0) row.low = floor;
  }

  const color = {
    field: 'series',
    type: 'nominal',
    scale: { domain: names, range: names.map((_, i) => paletteColor(i)) },
    legend: {
      title: options.legendTitle ?? null,
      symbolType: 'stroke',
      symbolStrokeWidth: 2.5,
      symbolSize: 484,
      symbolOpacity: 1,
    },
  } as const;
  const xAxis = niceLinearAxis('ceil(width / 80)');
  const x: PositionFieldDef<string> = logX
    ? {
        field: 'x',
        type: 'quantitative',
        title: options.xTitle,
        scale: { type: 'log', nice: false },
        axis: { format: ',~s', labelFlush: false },
      }
    : {
        field: 'x',
        type: 'quantitative',
        title: options.xTitle,
        // The axis ends where the data ends (150 epochs reach 150, not a rounder
        // 200 with an empty quarter), each chart at its own last x.
        scale: { zero: false, nice: false },
        axis: { ...xAxis.axis, labelFlush: false },
      };
  const yScale = logScale
    ? { scale: { type: 'log', nice: false, padding: 8 } }
    : niceLinearAxis('ceil(height / 40)');
  const y: PositionFieldDef<string> = {
    field: 'mean',
    type: 'quantitative',
    title: options.yTitle,
    ...yScale,
  } as PositionFieldDef<string>;
  const tooltip = [
    { field: 'series', type: 'nominal', title: 'series' },
    { field: 'x', type: 'quantitative', title: options.xTitle, format: ',.4~g' },
    { field: 'mean', type: 'quantitative', title: options.yTitle, format: '.4~g' },
    { field: 'low', type: 'quantitative', format: '.4~g' },
    { field: 'high', type: 'quantitative', format: '.4~g' },
  ] as const;

  const layer: UnitSpec<string>[] = [
    {
      mark: { type: 'area', opacity: 0.18 },
      encoding: {
        x,
        y: { ...y, field: 'low' },
        y2: { field: 'high' },
        color,
        detail: { field: 'series', type: 'nominal' },
      },
    },
    {
      mark: { type: 'line', strokeWidth: 2 },
      encoding: {
        x,
        y,
        color,
        detail: { field: 'series', type: 'nominal' },
        tooltip: [...tooltip],
      },
    },
  ];

  return {
    ...chartFrame(options.title, size),
    datasets: { [bandChartData.bands]: rows },
    data: { name: bandChartData.bands },
    layer,
  };
}

function bandRows(series: BandSeries, field: string, logScale: boolean): BandRow[] {
  if (!Array.isArray(series.points)) {
    throw new ChartInputError(
      `${field}.points`,
      'an array of { x, mean, low, high }',
      series.points,
    );
  }
  const rows: BandRow[] = [];
  series.points.forEach((point, j) => {
    const at = `${field}.points[${j}]`;
    const x = point?.x;
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new ChartInputError(`${at}.x`, 'a finite number', x);
    }
    const { mean, low, high } = point;
    if (![mean, low, high].every((v) => typeof v === 'number' && Number.isFinite(v))) return;
    if (low > high) throw new ChartInputError(`${at}.low`, `at most high (${high})`, low);
    if (logScale && mean <= 0) return;
    rows.push({ series: series.name, x, mean, low, high });
  });
  return rows;
}
