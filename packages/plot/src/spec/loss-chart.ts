import type { PositionFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import type { LayerSpec, UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { ChartSize, ChartSpec, EpochLoss, LossHistory } from '../chart-types.js';
import { ChartInputError } from '../errors.js';
import { chartFrame } from './chart-frame.js';
import { logAxisLabellingLowest } from './log-axis.js';
import { minReductionBudget, reduceSeries } from './reduce-series.js';
import { seriesColor } from './series-legend.js';
import { niceLinearAxis, paletteColor, seriesColors } from './theme.js';
import { chartSize, lossRows } from './validate-input.js';

/** Text of the loss chart: axis titles, legend names and the best-epoch note. */
export interface LossChartLabels {
  x: string;
  y: string;
  train: string;
  validation: string;
  /**
   * Note beside the best-validation marker; `{epoch}` and `{loss}` are replaced
   * by the marker's values (for example `'Mejor validación: época {epoch}'`).
   */
  bestValidation: string;
}

/** English defaults; pass `labels` to translate any of them. */
export const defaultLossChartLabels: Readonly<LossChartLabels> = {
  x: 'Epoch',
  y: 'Loss',
  train: 'Train',
  validation: 'Validation',
  bestValidation: 'Best validation: epoch {epoch}, loss {loss}',
};

/** Names of the loss chart's datasets, for live updates (rows are `{ epoch, loss }`). */
export const lossChartData = {
  train: 'trainLoss',
  val: 'valLoss',
} as const;

/** Most pinned runs a loss chart draws. */
export const maxPinnedRuns = 5;

/** Palette positions of pinned runs: the tab10 colours that are not train red or validation green. */
const PINNED_COLOURS = [0, 1, 4, 5, 6];

/** Name of the best-validation marker layer (its marks are `bestValidation_*`). */
export const bestValidationLayerName = 'bestValidation';

export interface LossChartOptions extends ChartSize {
  history: LossHistory;
  /** Logarithmic loss axis. Default false. */
  logScale?: boolean;
  /**
   * Most points each series keeps in the chart; longer series are reduced with
   * `reduceSeries` (min and max per column, first and last kept). Default: two
   * per pixel column of the chart's width. The history itself is never changed.
   */
  maxPointsPerSeries?: number;
  /** Mark the epoch of lowest validation loss. Default true. */
  markBestValidation?: boolean;
  /**
   * Earlier runs drawn faded under this one (train dashed, validation solid,
   * one colour and legend entry each, named by `label`): runs a user pinned
   * to compare the next ones with. At most {@link maxPinnedRuns}.
   */
  pinned?: readonly { readonly label: string; readonly history: LossHistory }[];
  title?: string;
  labels?: Partial<LossChartLabels>;
}

/**
 * The notebook's second figure: train loss per epoch and validation loss at the
 * epochs it was measured, on the same axes, with a marker at the lowest
 * validation loss (computed by the chart from its data, so it also follows
 * live updates). Overfitting shows as the validation curve rising after it.
 *
 * Losses that cannot be drawn are left out: non-finite ones (a diverged run)
 * and, on a log scale, those not above zero. The loss axis does not start at
 * zero. Throws `ChartInputError` for a non-finite or decreasing epoch, a budget
 * below 4 points, or a non-positive size.
 */
export function lossChart(options: LossChartOptions): ChartSpec {
  const labels = { ...defaultLossChartLabels, ...options.labels };
  const size = chartSize(options);
  const logScale = options.logScale ?? false;
  const budget = pointBudget(options.maxPointsPerSeries, size.width);
  const history = options.history;
  if (typeof history !== 'object' || history === null) {
    throw new ChartInputError('history', 'an object with train and val arrays', history);
  }
  const datasets: Record<string, EpochLoss[]> = {
    [lossChartData.train]: forDisplay(lossRows(history.train, 'history.train', logScale), budget),
    [lossChartData.val]: forDisplay(lossRows(history.val, 'history.val', logScale), budget),
  };

  const pinned = options.pinned ?? [];
  if (!Array.isArray(pinned) || pinned.length > maxPinnedRuns) {
    throw new ChartInputError('pinned', `at most ${maxPinnedRuns} runs`, pinned);
  }
  const color = seriesColor(
    [
      { label: labels.train, color: seriesColors.train, symbol: 'line' },
      { label: labels.validation, color: seriesColors.validation, symbol: 'line' },
      ...pinned.map((run, index) => ({
        label: run.label,
        color: paletteColor(PINNED_COLOURS[index] ?? index),
        symbol: 'line' as const,
      })),
    ],
    'labels',
  );
  const { x, y } = lossAxes(labels, logScale, [
    lossChartData.train,
    lossChartData.val,
    ...pinned.map((_, index) => `pinnedTrain${index}`),
    ...pinned.map((_, index) => `pinnedVal${index}`),
  ]);

  const layer: (UnitSpec<string> | LayerSpec<string>)[] = [];
  pinned.forEach((run, index) => {
    const train = `pinnedTrain${index}`;
    const val = `pinnedVal${index}`;
    datasets[train] = forDisplay(
      lossRows(run.history.train, `pinned[${index}].history.train`, logScale),
      budget,
    );
    datasets[val] = forDisplay(
      lossRows(run.history.val, `pinned[${index}].history.val`, logScale),
      budget,
    );
    layer.push(
      {
        data: { name: train },
        mark: { type: 'line', strokeWidth: 1, strokeDash: [5, 3], opacity: 0.35 },
        encoding: { x, y, color: color(run.label) },
      },
      {
        data: { name: val },
        mark: { type: 'line', strokeWidth: 1.75, opacity: 0.45 },
        encoding: { x, y, color: color(run.label) },
      },
    );
  });
  layer.push(
    {
      data: { name: lossChartData.train },
      mark: { type: 'line', strokeWidth: 1.25 },
      encoding: { x, y, color: color(labels.train) },
    },
    {
      data: { name: lossChartData.val },
      mark: { type: 'line', strokeWidth: 2 },
      encoding: { x, y, color: color(labels.validation) },
    },
  );
  if (options.markBestValidation ?? true) {
    layer.push(bestValidationLayer(x, y, noteExpression(labels.bestValidation)));
  }

  return {
    ...chartFrame(options.title, size),
    datasets,
    layer,
  };
}

/**
 * The points each loss series keeps: `maxPointsPerSeries`, or two per pixel
 * column of `width`; throws `ChartInputError` below the reduction's minimum.
 */
export function pointBudget(maxPointsPerSeries: number | undefined, width: number): number {
  const budget = maxPointsPerSeries ?? Math.max(minReductionBudget, 2 * Math.ceil(width));
  if (!Number.isInteger(budget) || budget < minReductionBudget) {
    throw new ChartInputError(
      'maxPointsPerSeries',
      `an integer of at least ${minReductionBudget}`,
      budget,
    );
  }
  return budget;
}

/**
 * The epoch and loss position channels of loss charts, titled with `labels`;
 * a log loss axis labels the lowest loss of `lossDatasets` (rows `{ epoch, loss }`).
 */
export function lossAxes(
  labels: { readonly x: string; readonly y: string },
  logScale: boolean,
  lossDatasets: readonly string[],
): { x: PositionFieldDef<string>; y: PositionFieldDef<string> } {
  // Fewer, rounder epoch ticks than the default: 0, 5,000, 10,000, ...
  const epochAxis = niceLinearAxis('ceil(width / 80)');
  const x: PositionFieldDef<string> = {
    field: 'epoch',
    type: 'quantitative',
    title: labels.x,
    ...epochAxis,
    // No label pushed inside the plot at the right end, where it would hide its neighbour.
    axis: { ...epochAxis.axis, format: ',d', labelFlush: false },
  };
  const y: PositionFieldDef<string> = {
    field: 'loss',
    type: 'quantitative',
    title: labels.y,
    ...(logScale
      ? logAxisLabellingLowest(lossDatasets, 'loss')
      : niceLinearAxis('ceil(height / 40)')),
  };
  return { x, y };
}

/** Loss rows reduced to `budget` points with `reduceSeries`, for drawing. */
export function forDisplay(rows: EpochLoss[], budget: number): EpochLoss[] {
  return reduceSeries(
    rows.map((row) => ({ x: row.epoch, y: row.loss })),
    budget,
  ).map((point) => ({ epoch: point.x, loss: point.y }));
}

/**
 * A dashed rule and a diamond at the lowest validation loss, and a note at the
 * top of the plot, on the side of the rule with more room.
 */
function bestValidationLayer(
  x: PositionFieldDef<string>,
  y: PositionFieldDef<string>,
  note: string,
): LayerSpec<string> {
  const noteLayer = (side: 'left' | 'right'): UnitSpec<string> => ({
    transform: [{ filter: `datum.noteSide === '${side}'` }],
    mark: {
      type: 'text',
      align: side === 'left' ? 'right' : 'left',
      baseline: 'top',
      dx: side === 'left' ? -6 : 6,
      dy: 6,
      fontSize: 12,
      color: seriesColors.marker,
    },
    encoding: { x, y: { value: 0 }, text: { field: 'note' } },
  });
  return {
    name: bestValidationLayerName,
    data: { name: lossChartData.val },
    transform: [
      {
        aggregate: [
          { op: 'argmin', field: 'loss', as: 'best' },
          { op: 'min', field: 'epoch', as: 'firstEpoch' },
          { op: 'max', field: 'epoch', as: 'lastEpoch' },
        ],
      },
      { filter: 'isValid(datum.best) && isValid(datum.best.loss)' },
      { calculate: 'datum.best.epoch', as: 'epoch' },
      { calculate: 'datum.best.loss', as: 'loss' },
      { calculate: note, as: 'note' },
      {
        calculate:
          "datum.epoch - datum.firstEpoch > 0.6 * (datum.lastEpoch - datum.firstEpoch) ? 'left' : 'right'",
        as: 'noteSide',
      },
    ],
    layer: [
      {
        mark: { type: 'rule', strokeDash: [4, 4], strokeWidth: 1.25, color: seriesColors.marker },
        encoding: { x },
      },
      {
        mark: {
          type: 'point',
          shape: 'diamond',
          filled: true,
          size: 110,
          opacity: 1,
          color: seriesColors.marker,
        },
        encoding: {
          x,
          y,
          tooltip: [
            { field: 'epoch', type: 'quantitative', title: x.title, format: ',d' },
            { field: 'loss', type: 'quantitative', title: y.title, format: '.4~g' },
          ],
        },
      },
      noteLayer('left'),
      noteLayer('right'),
    ],
  };
}

/** Turns the note template into a Vega expression over the marker's datum. */
function noteExpression(template: string): string {
  const parts = template
    .split(/(\{epoch\}|\{loss\})/)
    .filter((part) => part !== '')
    .map((part) => {
      if (part === '{epoch}') return "format(datum.epoch, ',d')";
      if (part === '{loss}') return "format(datum.loss, '.3~g')";
      return JSON.stringify(part);
    });
  return parts.length > 0 ? parts.join(' + ') : "''";
}
