/**
 * @epochlab/plot: the notebook's charts as Vega-Lite specs. This entry builds
 * them and runs anywhere; render them with `@epochlab/plot/node` (SVG, PNG) or
 * `@epochlab/plot/browser` (a live chart).
 */
export type { ChartSize, ChartSpec, EpochLoss, LossHistory, Series } from './chart-types.js';
export { ChartInputError } from './errors.js';
export {
  type BandChartOptions,
  type BandChartPoint,
  type BandRow,
  type BandSeries,
  bandChart,
  bandChartData,
} from './spec/band-chart.js';
export {
  type ComparedHistory,
  type CompareLossChartLabels,
  type CompareLossChartOptions,
  compareLossChart,
  defaultCompareLossChartLabels,
} from './spec/compare-loss-chart.js';
export type { ContourRow } from './spec/contour-lines.js';
export {
  defaultFitChartLabels,
  type FitChartLabels,
  type FitChartOptions,
  fitChart,
  fitChartData,
} from './spec/fit-chart.js';
export {
  type HeatmapCell,
  type HeatmapChartOptions,
  heatmapChart,
  heatmapChartData,
} from './spec/heatmap-chart.js';
export { linspace } from './spec/linspace.js';
export {
  bestValidationLayerName,
  defaultLossChartLabels,
  type LossChartLabels,
  type LossChartOptions,
  lossChart,
  lossChartData,
  maxPinnedRuns,
} from './spec/loss-chart.js';
export {
  defaultLossSurfaceChartLabels,
  type LossSurfaceChartLabels,
  type LossSurfaceChartOptions,
  lossSurfaceChart,
  lossSurfaceChartData,
  lossSurfacePickParam,
  type SlopeIntercept,
  type SurfaceGrid,
  type SurfacePath,
} from './spec/loss-surface-chart.js';
export { type NumberLocale, withNumberLocale } from './spec/number-locale.js';
export {
  defaultPredictedActualChartLabels,
  type PredictedActual,
  type PredictedActualChartLabels,
  type PredictedActualChartOptions,
  predictedActualChart,
  predictedActualChartData,
} from './spec/predicted-actual-chart.js';
export { reduceSeries, type SeriesPoint } from './spec/reduce-series.js';
export { chartFontFamily, paletteColor, seriesColors, seriesPalette } from './spec/theme.js';
export {
  type ThroughputChartOptions,
  type ThroughputPoint,
  throughputChart,
  throughputChartData,
} from './spec/throughput-chart.js';
