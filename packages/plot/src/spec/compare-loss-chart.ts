import type { UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { ChartSize, ChartSpec, EpochLoss, LossHistory } from '../chart-types.js';
import { ChartInputError } from '../errors.js';
import { chartFrame } from './chart-frame.js';
import { forDisplay, lossAxes, pointBudget } from './loss-chart.js';
import { type LegendEntry, seriesColor } from './series-legend.js';
import { paletteColor } from './theme.js';
import { chartSize, lossRows } from './validate-input.js';

/** Text of the comparison loss chart; `{run}` is replaced by each run's label. */
export interface CompareLossChartLabels {
  x: string;
  y: string;
  train: string;
  validation: string;
}

/** English defaults; pass `labels` to translate any of them. */
export const defaultCompareLossChartLabels: Readonly<CompareLossChartLabels> = {
  x: 'Epoch',
  y: 'Loss',
  train: '{run}: train',
  validation: '{run}: validation',
};

/** One run of the comparison. */
export interface ComparedHistory {
  /** The run's name in the legend; distinct per run. */
  readonly label: string;
  readonly history: LossHistory;
}

export interface CompareLossChartOptions extends ChartSize {
  /** The runs, one colour each (the `seriesPalette` order). */
  runs: readonly ComparedHistory[];
  /** Logarithmic loss axis. Default false. */
  logScale?: boolean;
  /** Most points each series keeps (see `lossChart`); default two per pixel column. */
  maxPointsPerSeries?: number;
  title?: string;
  labels?: Partial<CompareLossChartLabels>;
}

/** The lowest validation loss of a history and the first epoch that reached it. */
function bestPoint(rows: readonly EpochLoss[]): EpochLoss | undefined {
  let best: EpochLoss | undefined;
  for (const row of rows) if (best === undefined || row.loss < best.loss) best = row;
  return best;
}

/**
 * Several runs' loss curves on one pair of axes: each run in its own colour,
 * train dashed and thin, validation solid, and a diamond at each run's
 * lowest validation loss. Runs of different lengths simply end at their own
 * last epoch. Losses that cannot be drawn are left out as in `lossChart`.
 *
 * Throws `ChartInputError` for no runs, two runs with one label, a bad epoch,
 * a budget below 4 points, or a non-positive size.
 */
export function compareLossChart(options: CompareLossChartOptions): ChartSpec {
  const labels = { ...defaultCompareLossChartLabels, ...options.labels };
  const size = chartSize(options);
  const logScale = options.logScale ?? false;
  const budget = pointBudget(options.maxPointsPerSeries, size.width);
  const runs = options.runs;
  if (!Array.isArray(runs) || runs.length === 0) {
    throw new ChartInputError('runs', 'at least one run', runs);
  }
  const name = (template: string, run: ComparedHistory) => template.replaceAll('{run}', run.label);
  const legend: LegendEntry[] = runs.flatMap((run, index) => [
    { label: name(labels.validation, run), color: paletteColor(index), symbol: 'line' as const },
    { label: name(labels.train, run), color: paletteColor(index), symbol: 'dashed-line' as const },
  ]);
  const color = seriesColor(legend, 'runs[].label');

  const { x, y } = lossAxes(
    labels,
    logScale,
    runs.flatMap((_, index) => [`train${index}`, `val${index}`]),
  );

  const datasets: Record<string, EpochLoss[]> = {};
  const layer: UnitSpec<string>[] = [];
  runs.forEach((run, index) => {
    const train = lossRows(run.history.train, `runs[${index}].history.train`, logScale);
    const val = lossRows(run.history.val, `runs[${index}].history.val`, logScale);
    datasets[`train${index}`] = forDisplay(train, budget);
    datasets[`val${index}`] = forDisplay(val, budget);
    const best = bestPoint(val);
    datasets[`best${index}`] = best ? [best] : [];
    const validationColor = color(name(labels.validation, run));
    layer.push(
      {
        data: { name: `train${index}` },
        mark: { type: 'line', strokeWidth: 1.25, strokeDash: [5, 3], opacity: 0.8 },
        encoding: { x, y, color: color(name(labels.train, run)) },
      },
      {
        data: { name: `val${index}` },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: { x, y, color: validationColor },
      },
      {
        data: { name: `best${index}` },
        mark: { type: 'point', shape: 'diamond', filled: true, size: 110, opacity: 1 },
        encoding: {
          x,
          y,
          color: validationColor,
          tooltip: [
            { field: 'epoch', type: 'quantitative', title: labels.x, format: ',d' },
            { field: 'loss', type: 'quantitative', title: labels.y, format: '.4~g' },
          ],
        },
      },
    );
  });
  return { ...chartFrame(options.title, size), datasets, layer };
}
