import type { UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { ChartSize, ChartSpec } from '../chart-types.js';
import { chartFrame } from './chart-frame.js';
import { dashPattern, type LegendEntry, seriesColor } from './series-legend.js';
import { niceLinearAxis, seriesColors } from './theme.js';
import { maxPointsOption, thinnedSubtitle, thinRows } from './thin-rows.js';
import { chartSize, seriesRows, type XY } from './validate-input.js';

/** Text of the predicted-vs-actual chart: axis titles and legend names. */
export interface PredictedActualChartLabels {
  actual: string;
  predicted: string;
  train: string;
  validation: string;
  /** The y = x line, where a perfect model's points lie. */
  identity: string;
  /** Subtitle when points were thinned out; `{shown}` and `{total}` are replaced by the counts. */
  sampled: string;
}

/** English defaults; pass `labels` to translate any of them. */
export const defaultPredictedActualChartLabels: Readonly<PredictedActualChartLabels> = {
  actual: 'Actual target',
  predicted: 'Predicted by the model',
  train: 'Train',
  validation: 'Validation',
  identity: 'Perfect prediction (y = x)',
  sampled: 'Showing {shown} of {total} points (an evenly spaced sample)',
};

/** Names of the chart's datasets (rows are `{ x: actual, y: predicted }`). */
export const predictedActualChartData = {
  train: 'train',
  validation: 'validation',
  identity: 'identity',
} as const;

/** Targets and the model's predictions for them, in the same order: `actual[i]` goes with `predicted[i]`. */
export interface PredictedActual {
  readonly actual: readonly number[];
  readonly predicted: readonly number[];
}

export interface PredictedActualChartOptions extends ChartSize {
  /** Training rows, drawn as red dots. */
  train: PredictedActual;
  /** Validation rows, drawn as green dots on top. Left out: no validation series or legend entry. */
  validation?: PredictedActual;
  title?: string;
  /** Lines under the title. */
  notes?: readonly string[];
  /** Most points drawn per set (default 2,000), thinned to evenly spaced rows; the subtitle then says so. */
  maxPointsPerSeries?: number;
  labels?: Partial<PredictedActualChartLabels>;
}

/**
 * How well a model with several inputs fits, in one picture: each row is a
 * point at (its actual target, the model's prediction), validation and
 * training in their colours, with the line y = x where every point of a
 * perfect model would lie. A curve over x, as the fit chart draws for one
 * input, has no axis to draw on once there are several inputs; this chart
 * reads the same way whatever their number. Both axes share one domain, so
 * the line is the diagonal.
 *
 * Throws `ChartInputError` naming the field for lists of different lengths
 * or a non-finite number, or for a non-positive size.
 */
export function predictedActualChart(options: PredictedActualChartOptions): ChartSpec {
  const labels = { ...defaultPredictedActualChartLabels, ...options.labels };
  const size = chartSize(options);
  const max = maxPointsOption(options.maxPointsPerSeries ?? 2000);
  const rowsOf = (set: PredictedActual, field: string): XY[] =>
    seriesRows({ x: set?.actual, y: set?.predicted } as never, field);
  const train = rowsOf(options.train, 'train');
  const validation = options.validation ? rowsOf(options.validation, 'validation') : [];
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const row of [...train, ...validation]) {
    low = Math.min(low, row.x, row.y);
    high = Math.max(high, row.x, row.y);
  }
  if (!(low <= high)) {
    low = 0;
    high = 1;
  }
  const datasets: Record<string, XY[]> = {
    [predictedActualChartData.identity]: [
      { x: low, y: low },
      { x: high, y: high },
    ],
    [predictedActualChartData.train]: thinRows(train, max),
  };
  if (options.validation) {
    datasets[predictedActualChartData.validation] = thinRows(validation, max);
  }
  const total = train.length + validation.length;
  const shown =
    (datasets[predictedActualChartData.train]?.length ?? 0) +
    (datasets[predictedActualChartData.validation]?.length ?? 0);
  const subtitle = thinnedSubtitle(options.notes, labels.sampled, shown, total);

  const legend: LegendEntry[] = [
    { label: labels.train, color: seriesColors.train, symbol: 'point' },
  ];
  if (options.validation) {
    legend.push({ label: labels.validation, color: seriesColors.validation, symbol: 'point' });
  }
  legend.push({ label: labels.identity, color: seriesColors.truth, symbol: 'dashed-line' });
  const color = seriesColor(legend, 'labels');

  // One domain on both axes, so that y = x is the diagonal.
  const axis = (tickCount: string) => {
    const nice = niceLinearAxis(tickCount, 12);
    return { ...nice, scale: { ...nice.scale, domain: [low, high] } };
  };
  const x = {
    field: 'x',
    type: 'quantitative',
    title: labels.actual,
    ...axis('ceil(width / 60)'),
  } as const;
  const y = {
    field: 'y',
    type: 'quantitative',
    title: labels.predicted,
    ...axis('ceil(height / 40)'),
  } as const;
  const tooltip = [
    { field: 'x', type: 'quantitative', title: labels.actual, format: '.4~g' },
    { field: 'y', type: 'quantitative', title: labels.predicted, format: '.4~g' },
  ] as const;
  const pointLayer = (dataset: string, label: string): UnitSpec<string> => ({
    data: { name: dataset },
    mark: { type: 'point', filled: true, size: 40, opacity: 0.7 },
    encoding: { x, y, color: color(label), tooltip: [...tooltip] },
  });
  const layer: UnitSpec<string>[] = [
    {
      data: { name: predictedActualChartData.identity },
      mark: { type: 'line', strokeWidth: 2, strokeDash: [...dashPattern] },
      encoding: { x, y, color: color(labels.identity) },
    },
    pointLayer(predictedActualChartData.train, labels.train),
  ];
  if (options.validation) {
    layer.push(pointLayer(predictedActualChartData.validation, labels.validation));
  }
  return { ...chartFrame(options.title, size, subtitle), datasets, layer };
}
