/**
 * @epochlab/plot: the notebook's charts as Vega-Lite specs. This entry builds
 * them and runs anywhere; render them with `@epochlab/plot/node` (SVG, PNG) or
 * `@epochlab/plot/browser` (a live chart).
 */
export type { ChartSize, ChartSpec, EpochLoss, LossHistory, Series } from './chart-types.js';
export { ChartInputError } from './errors.js';
export {
  defaultFitChartLabels,
  type FitChartLabels,
  type FitChartOptions,
  fitChart,
  fitChartData,
} from './spec/fit-chart.js';
export { linspace } from './spec/linspace.js';
export {
  bestValidationLayerName,
  defaultLossChartLabels,
  type LossChartLabels,
  type LossChartOptions,
  lossChart,
  lossChartData,
} from './spec/loss-chart.js';
export { reduceSeries, type SeriesPoint } from './spec/reduce-series.js';
export { chartFontFamily, seriesColors } from './spec/theme.js';
