import type { UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { ChartSize, ChartSpec, Series } from '../chart-types.js';
import { chartFrame } from './chart-frame.js';
import { dashPattern, type LegendEntry, seriesColor } from './series-legend.js';
import { niceLinearAxis, paletteColor, seriesColors } from './theme.js';
import { maxPointsOption, thinnedSubtitle, thinRows } from './thin-rows.js';
import { chartSize, seriesRows, type XY } from './validate-input.js';

/** Text of the fit chart: axis titles and legend names. */
export interface FitChartLabels {
  x: string;
  y: string;
  train: string;
  validation: string;
  model: string;
  /** The model at its best validation epoch, when `bestCurve` is given. */
  bestModel: string;
  truth: string;
  /**
   * Subtitle when the points were thinned out for drawing; `{shown}` and
   * `{total}` are replaced by the counts (train and validation together).
   */
  sampled: string;
}

/** English defaults; pass `labels` to translate any of them. */
export const defaultFitChartLabels: Readonly<FitChartLabels> = {
  x: 'x',
  y: 'y',
  train: 'Train',
  validation: 'Validation',
  model: 'Model',
  bestModel: 'Model at the best epoch',
  truth: 'True function',
  sampled: 'Showing {shown} of {total} points (an evenly spaced sample)',
};

/** Default of `maxPointsPerSeries`: plenty for a 640-pixel chart, small enough to render fast. */
export const defaultFitChartMaxPoints = 2000;

/** Names of the fit chart's datasets, for live updates (rows are `{ x, y }`). */
export const fitChartData = {
  train: 'train',
  validation: 'validation',
  curve: 'curve',
  bestCurve: 'bestCurve',
  truth: 'truth',
} as const;

export interface FitChartOptions extends ChartSize {
  /** Training points, drawn as red dots. */
  train: Series;
  /** Validation points, drawn as green dots. Left out: no validation series or legend entry. */
  validation?: Series;
  /**
   * The model's predictions, drawn as a line. Sample it densely over the x
   * range of the data (at least 100 points, e.g. `linspace(min, max, 200)`).
   * Left out (a model without finite predictions): no line and no legend entry.
   */
  curve?: Series;
  /**
   * A second model's predictions drawn as an orange line beside `curve`: the
   * model at its best validation epoch, so overfitting shows on the data
   * (label both, e.g. `labels: { model: 'Final model, epoch 20000',
   * bestModel: 'Model at best epoch 14580' }`). Sample it like `curve`.
   */
  bestCurve?: Series;
  /**
   * More models over the same points, each a line in the `seriesPalette`
   * colour of its position and named by its label: runs compared on one
   * chart. Sample each like `curve`.
   */
  models?: readonly { readonly label: string; readonly curve: Series }[];
  /** The function the data came from, drawn dashed. Two points suffice for a line. */
  truth?: Series;
  title?: string;
  /** Lines under the title, such as why the model's curve is missing. */
  notes?: readonly string[];
  /**
   * Most points drawn per series (default {@link defaultFitChartMaxPoints}):
   * longer series are thinned to evenly spaced indices (for random data, a
   * uniform sample), and the subtitle says so. Keeps the marks, the SVG and
   * the rendering time bounded whatever the data size.
   */
  maxPointsPerSeries?: number;
  labels?: Partial<FitChartLabels>;
}

/**
 * The notebook's first figure: the data points and the model's curve, with the
 * true function if given. Axes do not start at zero; domains are rounded to
 * readable ends. Every series is copied into the spec; the inputs are not kept.
 *
 * Each series draws at most `maxPointsPerSeries` points, so a chart of a
 * million points renders as fast as one of a thousand; the subtitle then says
 * how many are shown.
 *
 * Throws `ChartInputError` naming the field for a series whose x and y differ in
 * length or hold a non-finite number, or for a non-positive size.
 */
export function fitChart(options: FitChartOptions): ChartSpec {
  const labels = { ...defaultFitChartLabels, ...options.labels };
  const size = chartSize(options);
  const max = maxPointsOption(options.maxPointsPerSeries ?? defaultFitChartMaxPoints);
  const train = seriesRows(options.train, 'train');
  const validation = options.validation ? seriesRows(options.validation, 'validation') : [];
  const datasets: Record<string, XY[]> = {
    [fitChartData.train]: thinRows(train, max),
    [fitChartData.curve]: options.curve ? thinRows(seriesRows(options.curve, 'curve'), max) : [],
  };
  if (options.bestCurve) {
    datasets[fitChartData.bestCurve] = thinRows(seriesRows(options.bestCurve, 'bestCurve'), max);
  }
  const models = options.models ?? [];
  models.forEach((model, index) => {
    datasets[`model${index}`] = thinRows(seriesRows(model.curve, `models[${index}].curve`), max);
  });
  if (options.validation) datasets[fitChartData.validation] = thinRows(validation, max);
  if (options.truth)
    datasets[fitChartData.truth] = thinRows(seriesRows(options.truth, 'truth'), max);
  const total = train.length + validation.length;
  const shown =
    (datasets[fitChartData.train]?.length ?? 0) + (datasets[fitChartData.validation]?.length ?? 0);
  const subtitle = thinnedSubtitle(options.notes, labels.sampled, shown, total);

  const legend: LegendEntry[] = [
    { label: labels.train, color: seriesColors.train, symbol: 'point' },
  ];
  if (options.validation) {
    legend.push({ label: labels.validation, color: seriesColors.validation, symbol: 'point' });
  }
  if (options.curve)
    legend.push({ label: labels.model, color: seriesColors.model, symbol: 'line' });
  if (options.bestCurve) {
    legend.push({ label: labels.bestModel, color: seriesColors.bestModel, symbol: 'line' });
  }
  models.forEach((model, index) => {
    legend.push({ label: model.label, color: paletteColor(index), symbol: 'line' });
  });
  if (options.truth) {
    legend.push({ label: labels.truth, color: seriesColors.truth, symbol: 'dashed-line' });
  }
  const color = seriesColor(legend, 'labels');

  const x = {
    field: 'x',
    type: 'quantitative',
    title: labels.x,
    ...niceLinearAxis('ceil(width / 60)', 12),
  } as const;
  const y = {
    field: 'y',
    type: 'quantitative',
    title: labels.y,
    ...niceLinearAxis('ceil(height / 40)', 12),
  } as const;
  const tooltip = [
    { field: 'x', type: 'quantitative', title: labels.x, format: '.4~g' },
    { field: 'y', type: 'quantitative', title: labels.y, format: '.4~g' },
  ] as const;
  const pointLayer = (dataset: string, label: string): UnitSpec<string> => ({
    data: { name: dataset },
    mark: {
      type: 'point',
      filled: true,
      size: 70,
      opacity: 0.9,
      stroke: 'white',
      strokeWidth: 0.75,
    },
    encoding: { x, y, color: color(label), tooltip: [...tooltip] },
  });

  const layer: UnitSpec<string>[] = [];
  if (options.truth) {
    layer.push({
      data: { name: fitChartData.truth },
      mark: { type: 'line', strokeWidth: 2, strokeDash: [...dashPattern] },
      encoding: { x, y, color: color(labels.truth) },
    });
  }
  if (options.curve) {
    layer.push({
      data: { name: fitChartData.curve },
      mark: { type: 'line', strokeWidth: 2.5 },
      encoding: { x, y, color: color(labels.model) },
    });
  }
  if (options.bestCurve) {
    layer.push({
      data: { name: fitChartData.bestCurve },
      mark: { type: 'line', strokeWidth: 2.5 },
      encoding: { x, y, color: color(labels.bestModel) },
    });
  }
  models.forEach((model, index) => {
    layer.push({
      data: { name: `model${index}` },
      mark: { type: 'line', strokeWidth: 2 },
      encoding: { x, y, color: color(model.label) },
    });
  });
  layer.push(pointLayer(fitChartData.train, labels.train));
  if (options.validation) layer.push(pointLayer(fitChartData.validation, labels.validation));

  return {
    ...chartFrame(options.title, size, subtitle),
    datasets,
    layer,
  };
}
