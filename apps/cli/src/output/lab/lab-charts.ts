import {
  type BatchSizeLabResult,
  batchSizeSeriesName,
  batchSizeSeriesNameText,
  type LabBandAxis,
  type LabBandKind,
  type LineView,
  labBandPoints,
} from '@epochlab/experiments';
import { bandChart, type ChartSpec, lossSurfaceChart } from '@epochlab/plot';
import { renderChartFiles } from '../chart-files.js';
import type { RunFile } from '../run-folder.js';

/** A batch size's name in the legends: `batch 5`, `full batch (100)`. */
function seriesName(size: { label: string; batchSize: number }, n: number): string {
  return batchSizeSeriesNameText(batchSizeSeriesName(size, n));
}

/** One band series per batch size that has points of this kind. */
function bandSeries(result: BatchSizeLabResult, kind: LabBandKind, axis: LabBandAxis = 'epoch') {
  return result.groups
    .map((group) => ({
      name: seriesName(group, result.config.n),
      points: labBandPoints(group, kind, axis),
    }))
    .filter((series) => series.points.length > 0);
}

const BAND_NOTE = 'line: mean over seeds; band: ± one standard deviation, within the seeds';

const LOSS_NAMES = { l1: 'L1', mse: 'MSE', huber: 'Huber' } as const;

/** The lab's chart specs by file name (without extension). */
export function labChartSpecs(result: BatchSizeLabResult, view: LineView): [string, ChartSpec][] {
  const specs: [string, ChartSpec][] = [];
  const n = result.config.n;

  if (result.groups.some((group) => group.train.length > 0)) {
    specs.push([
      'loss-by-epoch',
      bandChart({
        title: 'Training loss per epoch',
        series: bandSeries(result, 'train'),
        xTitle: `Epoch (${BAND_NOTE})`,
        yTitle: 'Training loss',
      }),
    ]);
    specs.push([
      'loss-by-step',
      // Steps per epoch differ up to n times between batch size 1 and the full batch:
      // on a linear axis the full-batch curve would fill a sliver at the left.
      bandChart({
        title: 'Training loss per gradient step',
        series: bandSeries(result, 'train', 'step'),
        xTitle: 'Gradient steps taken, (epoch + 1) × steps per epoch (log scale)',
        yTitle: 'Training loss',
        logX: true,
      }),
    ]);
  }
  if (result.groups.some((group) => group.val.length > 0)) {
    specs.push([
      'val-loss-by-epoch',
      bandChart({
        title: 'Validation loss per epoch',
        series: bandSeries(result, 'val'),
        xTitle: `Epoch (${BAND_NOTE})`,
        yTitle: 'Validation loss',
      }),
    ]);
  }
  if (result.groups.some((group) => group.noise.length > 0)) {
    specs.push([
      'gradient-cosine',
      bandChart({
        title: 'Mini-batch gradient vs full-batch gradient: cosine',
        series: bandSeries(result, 'cosine'),
        xTitle: `Epoch (${BAND_NOTE})`,
        yTitle: 'Cosine (1: same direction)',
      }),
    ]);
    specs.push([
      'gradient-variance',
      bandChart({
        title: 'Gradient noise: squared distance to the full-batch gradient',
        series: bandSeries(result, 'variance'),
        xTitle: `Epoch (${BAND_NOTE})`,
        yTitle: '‖g_batch − g_full‖² (mean over batches)',
      }),
    ]);
  }
  specs.push([
    'loss-surface',
    lossSurfaceChart({
      title: `${LOSS_NAMES[result.config.loss]} loss of y = m x + b on the training points, with descent paths`,
      surface: view.surface,
      paths: view.paths.map((path) => ({
        name: seriesName(path, n),
        points: path.points.map((point) => ({ m: point.m, b: point.b })),
      })),
      start: { m: result.config.pathStart[0], b: result.config.pathStart[1] },
      minimum: view.minimum,
    }),
  ]);
  return specs;
}

/** Renders every lab chart as SVG and PNG. */
export async function renderLabCharts(
  result: BatchSizeLabResult,
  view: LineView,
): Promise<RunFile[]> {
  return renderChartFiles(labChartSpecs(result, view));
}
