import {
  drawnPaths,
  escapeShareSeries,
  type LocalMinimaResult,
  type LocalMinimaSummary,
  sineSurface,
  sineSurfaceArea,
  unsettledShareSeries,
} from '@epochlab/experiments';
import { bandChart, type ChartSpec, lossSurfaceChart } from '@epochlab/plot';
import { renderChartFiles } from '../chart-files.js';
import type { RunFile } from '../run-folder.js';

/** The study's chart specs by file name (without extension). */
export function localMinimaChartSpecs(
  result: LocalMinimaResult,
  summary: LocalMinimaSummary,
): [string, ChartSpec][] {
  const config = result.config;
  const paths = drawnPaths(result);
  const surface = sineSurface(result.points, sineSurfaceArea(paths.flatMap((path) => path.points)));
  const global = result.valleys[result.globalValley];
  const batchName = (row: { label: string }) => `batch ${row.label}`;
  return [
    [
      'loss-surface',
      lossSurfaceChart({
        title: `MSE of y = a sin(w x), lr ${config.pathLr}: the full batch stays, batch ${config.pathBatchSize} escapes`,
        surface: { m: surface.w, b: surface.a, values: surface.values },
        paths: paths.map((path) => ({
          name:
            path.kind === 'full-batch'
              ? `full batch (${config.n})`
              : `batch ${config.pathBatchSize}, seed ${path.seed}`,
          points: path.points.map((p) => ({ m: p.w, b: p.a })),
        })),
        start: { m: config.start[0], b: config.start[1] },
        ...(global ? { minimum: { m: global.minimum.w, b: global.minimum.a } } : {}),
        labels: { m: 'Frequency w', b: 'Amplitude a', minimum: 'Global minimum' },
      }),
    ],
    [
      'escape-by-batch-size',
      bandChart({
        title: 'Share of runs that end in the global valley',
        series: escapeShareSeries(summary.rows, 'batchSize', (row) => `lr ${row.lr}`),
        xTitle: `Batch size (log scale; band: 95% interval over ${config.seeds} runs)`,
        yTitle: 'Share in the global valley',
        logX: true,
        legendTitle: 'Learning rate',
      }),
    ],
    [
      'escape-by-lr',
      bandChart({
        title: 'Share of runs that end in the global valley, by learning rate',
        series: escapeShareSeries(summary.rows, 'lr', batchName),
        xTitle: `Learning rate (band: 95% interval over ${config.seeds} runs)`,
        yTitle: 'Share in the global valley',
      }),
    ],
    [
      'unsettled-by-lr',
      bandChart({
        title: 'Share of runs that diverge or never settle, by learning rate',
        series: unsettledShareSeries(summary.rows, batchName),
        xTitle: 'Learning rate',
        yTitle: 'Diverged or unsettled',
      }),
    ],
  ];
}

/** Renders every chart of the study as SVG and PNG. */
export function renderLocalMinimaCharts(
  result: LocalMinimaResult,
  summary: LocalMinimaSummary,
): Promise<RunFile[]> {
  return renderChartFiles(localMinimaChartSpecs(result, summary));
}
