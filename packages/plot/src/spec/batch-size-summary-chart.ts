import type { PositionFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import type { UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { ChartSize, ChartSpec } from '../chart-types.js';
import { ChartInputError } from '../errors.js';
import { chartFrame } from './chart-frame.js';
import { niceLinearAxis, paletteColor } from './theme.js';
import { chartSize, uniqueName } from './validate-input.js';

/** One batch size of the summary: the spread of a result over seeds. */
export interface SummaryGroup {
  /** The batch size's name on the x axis (for example `'5'` or `'full (100)'`). */
  readonly name: string;
  readonly mean: number;
  /** Lower and upper end of the bar (min and max over seeds, or mean ± std). */
  readonly low: number;
  readonly high: number;
  /** Each seed's value, drawn as a small dot. Optional. */
  readonly values?: readonly number[];
}

/** Names of the summary chart's datasets: `groups` rows are `{ name, mean, low, high }`, `values` rows `{ name, value }`. */
export const batchSizeSummaryChartData = { groups: 'groups', values: 'values' } as const;

export interface BatchSizeSummaryChartOptions extends ChartSize {
  /** One column per group, in this order, coloured with `seriesPalette` like the other lab charts. */
  groups: readonly SummaryGroup[];
  yTitle: string;
  /** Default 'Batch size'. */
  xTitle?: string;
  /** Logarithmic y axis. Default false. */
  logScale?: boolean;
  title?: string;
}

/**
 * A result per batch size (for example the final or the best validation loss):
 * the mean as a large dot, a bar from low to high, and each seed's value as a
 * small dot, one column per group in the given order.
 *
 * Values that cannot be drawn are left out (non-finite ones; on a log scale,
 * those not above zero), and so is a group whose mean cannot be drawn. Throws
 * `ChartInputError` naming the field for a missing or repeated name, a low
 * above its high, or a non-positive size.
 */
export function batchSizeSummaryChart(options: BatchSizeSummaryChartOptions): ChartSpec {
  const size = chartSize({ width: options.width ?? 480, height: options.height ?? 360 });
  const logScale = options.logScale ?? false;
  if (!Array.isArray(options.groups)) {
    throw new ChartInputError('groups', 'an array of { name, mean, low, high }', options.groups);
  }
  if (typeof options.yTitle !== 'string') {
    throw new ChartInputError('yTitle', 'a string', options.yTitle);
  }
  const drawable = (v: unknown): v is number =>
    typeof v === 'number' && Number.isFinite(v) && (!logScale || v > 0);
  const names: string[] = [];
  const groupRows: { name: string; mean: number; low: number; high: number }[] = [];
  const valueRows: { name: string; value: number }[] = [];
  options.groups.forEach((group, i) => {
    const name = uniqueName(options.groups, i, 'groups', 'group');
    names.push(name);
    const { mean, low, high } = group;
    if (typeof low === 'number' && typeof high === 'number' && low > high) {
      throw new ChartInputError(`groups[${i}].low`, `at most high (${high})`, low);
    }
    if (drawable(mean)) {
      groupRows.push({
        name,
        mean,
        low: drawable(low) ? low : mean,
        high: drawable(high) ? high : mean,
      });
    }
    if (group.values !== undefined) {
      if (!Array.isArray(group.values)) {
        throw new ChartInputError(`groups[${i}].values`, 'an array of numbers', group.values);
      }
      for (const value of group.values) if (drawable(value)) valueRows.push({ name, value });
    }
  });

  const color = {
    field: 'name',
    type: 'nominal',
    scale: { domain: names, range: names.map((_, i) => paletteColor(i)) },
    legend: null,
  } as const;
  const x: PositionFieldDef<string> = {
    field: 'name',
    type: 'ordinal',
    title: options.xTitle ?? 'Batch size',
    sort: names,
    scale: { domain: names, paddingOuter: 0.3 },
    axis: { labelAngle: 0, grid: false },
  };
  const y: PositionFieldDef<string> = {
    field: 'mean',
    type: 'quantitative',
    title: options.yTitle,
    ...(logScale
      ? { scale: { type: 'log', nice: false, padding: 12 } }
      : niceLinearAxis('ceil(height / 40)', 12)),
  } as PositionFieldDef<string>;
  const tooltip = [
    { field: 'name', type: 'nominal', title: x.title },
    { field: 'mean', type: 'quantitative', title: options.yTitle, format: '.4~g' },
    { field: 'low', type: 'quantitative', format: '.4~g' },
    { field: 'high', type: 'quantitative', format: '.4~g' },
  ] as const;

  const layer: UnitSpec<string>[] = [
    {
      data: { name: batchSizeSummaryChartData.values },
      // Beside the bar, not on it, so the seeds stay readable.
      mark: { type: 'circle', size: 28, opacity: 0.5, xOffset: 14 },
      encoding: { x, y: { ...y, field: 'value' }, color },
    },
    {
      data: { name: batchSizeSummaryChartData.groups },
      mark: { type: 'rule', strokeWidth: 2.5 },
      encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' }, color },
    },
    {
      data: { name: batchSizeSummaryChartData.groups },
      mark: {
        type: 'point',
        filled: true,
        size: 140,
        opacity: 1,
        stroke: 'white',
        strokeWidth: 1.5,
      },
      encoding: { x, y, color, tooltip: [...tooltip] },
    },
  ];

  return {
    ...chartFrame(options.title, size),
    datasets: {
      [batchSizeSummaryChartData.groups]: groupRows,
      [batchSizeSummaryChartData.values]: valueRows,
    },
    layer,
  };
}
