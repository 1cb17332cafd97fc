import type { UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { ChartSize, ChartSpec } from '../chart-types.js';
import { ChartInputError } from '../errors.js';
import { chartFrame } from './chart-frame.js';
import { seriesPalette } from './theme.js';
import { chartSize } from './validate-input.js';

/** One measurement: a series (a backend and model), a batch size and its throughput. */
// A type, not an interface: rows given to a live chart's `replace` must be plain records.
export type ThroughputPoint = {
  readonly series: string;
  readonly batchSize: number;
  readonly samplesPerSecond: number;
};

/** Names of the throughput chart's datasets, for live updates (rows are `ThroughputPoint`s). */
export const throughputChartData = { points: 'throughput', knees: 'knees' } as const;

export interface ThroughputChartOptions extends ChartSize {
  /** Every measurement so far; one line per `series`, in order of batch size. */
  points: readonly ThroughputPoint[];
  /** Per series, the point where larger batches stop paying off (drawn as a diamond). */
  knees: readonly ThroughputPoint[];
  xTitle: string;
  yTitle: string;
  /** A line under the title that says what the diamonds mean. */
  kneeNote: string;
  legendTitle?: string;
  title?: string;
}

/**
 * Samples per second against batch size, both on log scales (batch sizes and
 * throughputs each span orders of magnitude), one line per backend and model,
 * with each line's knee marked. The colour domain is not fixed, so that a page
 * can start with no points and append lines as measurements end.
 *
 * Points with a throughput not above zero (a measurement too short to count)
 * are left out; throws `ChartInputError` naming the field for a missing series
 * name, a batch size that is not a positive finite number, or a non-finite
 * throughput.
 */
export function throughputChart(options: ThroughputChartOptions): ChartSpec {
  const size = chartSize(options);
  for (const field of ['xTitle', 'yTitle', 'kneeNote'] as const) {
    if (typeof options[field] !== 'string') {
      throw new ChartInputError(field, 'a string', options[field]);
    }
  }
  const points = throughputRows(options.points, 'points');
  const knees = throughputRows(options.knees, 'knees');
  const color = {
    field: 'series',
    type: 'nominal',
    sort: null,
    scale: { range: [...seriesPalette] },
    legend: { title: options.legendTitle ?? null, symbolType: 'stroke', symbolStrokeWidth: 2.5 },
  } as const;
  const x = {
    field: 'batchSize',
    type: 'quantitative',
    title: options.xTitle,
    scale: { type: 'log', nice: false, padding: 12 },
    axis: { format: ',~s', labelFlush: false },
  } as const;
  const y = {
    field: 'samplesPerSecond',
    type: 'quantitative',
    title: options.yTitle,
    scale: { type: 'log', nice: false, padding: 12 },
    axis: { format: '~s' },
  } as const;
  const tooltip = [
    { field: 'series', type: 'nominal', title: options.legendTitle ?? 'series' },
    { field: 'batchSize', type: 'quantitative', title: options.xTitle, format: ',' },
    { field: 'samplesPerSecond', type: 'quantitative', title: options.yTitle, format: ',.0f' },
  ] as const;
  const layer: UnitSpec<string>[] = [
    {
      data: { name: throughputChartData.points },
      mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 36 } },
      encoding: { x, y, color, order: { field: 'batchSize' }, tooltip: [...tooltip] },
    },
    {
      data: { name: throughputChartData.knees },
      mark: { type: 'point', shape: 'diamond', filled: true, size: 220, stroke: '#222222' },
      encoding: { x, y, color, tooltip: [...tooltip] },
    },
  ];
  return {
    ...chartFrame(options.title, size, [options.kneeNote]),
    datasets: { [throughputChartData.points]: points, [throughputChartData.knees]: knees },
    layer,
  };
}

function throughputRows(rows: readonly ThroughputPoint[], field: string): ThroughputPoint[] {
  if (!Array.isArray(rows)) {
    throw new ChartInputError(field, 'an array of { series, batchSize, samplesPerSecond }', rows);
  }
  return rows.flatMap((row, i) => {
    const at = `${field}[${i}]`;
    if (typeof row?.series !== 'string' || row.series === '') {
      throw new ChartInputError(`${at}.series`, 'a non-empty string', row?.series);
    }
    if (
      typeof row.batchSize !== 'number' ||
      !(row.batchSize > 0) ||
      !Number.isFinite(row.batchSize)
    ) {
      throw new ChartInputError(`${at}.batchSize`, 'a positive finite number', row.batchSize);
    }
    if (typeof row.samplesPerSecond !== 'number' || !Number.isFinite(row.samplesPerSecond)) {
      throw new ChartInputError(`${at}.samplesPerSecond`, 'a finite number', row.samplesPerSecond);
    }
    if (row.samplesPerSecond <= 0) return [];
    return [
      { series: row.series, batchSize: row.batchSize, samplesPerSecond: row.samplesPerSecond },
    ];
  });
}
