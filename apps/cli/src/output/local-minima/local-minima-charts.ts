import {
  type LocalMinimaResult,
  type LocalMinimaRow,
  type LocalMinimaSummary,
  sineSurface,
  sineSurfaceArea,
} from '@epochlab/experiments';
import { bandChart, type ChartSpec, lossSurfaceChart } from '@epochlab/plot';
import { renderChartFiles } from '../chart-files.js';
import type { RunFile } from '../run-folder.js';

/** Groups rows by a key, keeping first-seen order. */
function groupBy(rows: readonly LocalMinimaRow[], key: (row: LocalMinimaRow) => string) {
  const groups = new Map<string, LocalMinimaRow[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return [...groups];
}

/** A series per group: the share in the global valley over `x`, with its 95% interval as the band. */
function escapeSeries(
  groups: readonly [string, LocalMinimaRow[]][],
  x: (row: LocalMinimaRow) => number,
) {
  return groups.map(([name, rows]) => ({
    name,
    points: rows.map((row) => ({
      x: x(row),
      mean: row.globalShare,
      low: row.globalShareInterval[0],
      high: row.globalShareInterval[1],
    })),
  }));
}

/** The start and the point at the end of every epoch (and the last point), to keep long paths legible. */
function epochEnds<Point>(path: readonly Point[], stepsPerEpoch: number): Point[] {
  const kept = path.filter((_, step) => step % stepsPerEpoch === 0);
  const last = path.at(-1);
  if (last !== undefined && kept.at(-1) !== last) kept.push(last);
  return kept;
}

/** The study's chart specs by file name (without extension). */
export function localMinimaChartSpecs(
  result: LocalMinimaResult,
  summary: LocalMinimaSummary,
): [string, ChartSpec][] {
  const paths = [result.fullBatchPath, ...result.sgdPaths];
  const reached = paths.flatMap((run) => run.path ?? []);
  const surface = sineSurface(result.points, sineSurfaceArea(reached));
  const global = result.valleys[result.globalValley];
  const config = result.config;
  const stepsPerEpoch = Math.ceil(config.n / config.pathBatchSize);
  const byLr = groupBy(summary.rows, (row) => `lr ${row.lr}`);
  const byBatch = groupBy(summary.rows, (row) => `batch ${row.label}`);
  return [
    [
      'loss-surface',
      lossSurfaceChart({
        title: `MSE of y = a sin(w x), lr ${config.pathLr}: the full batch stays, batch ${config.pathBatchSize} escapes`,
        surface: { m: surface.w, b: surface.a, values: surface.values },
        // The full batch last, so that it is drawn on top; SGD paths one point per epoch.
        paths: [
          ...result.sgdPaths.map((run) => ({
            name: `batch ${config.pathBatchSize}, seed ${run.seed}`,
            points: epochEnds(run.path ?? [], stepsPerEpoch).map((p) => ({ m: p.w, b: p.a })),
          })),
          {
            name: `full batch (${config.n})`,
            points: (result.fullBatchPath.path ?? []).map((p) => ({ m: p.w, b: p.a })),
          },
        ],
        start: { m: config.start[0], b: config.start[1] },
        ...(global ? { minimum: { m: global.minimum.w, b: global.minimum.a } } : {}),
        labels: { m: 'Frequency w', b: 'Amplitude a', minimum: 'Global minimum' },
      }),
    ],
    [
      'escape-by-batch-size',
      bandChart({
        title: 'Share of runs that end in the global valley',
        series: escapeSeries(byLr, (row) => row.batchSize),
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
        series: escapeSeries(byBatch, (row) => row.lr),
        xTitle: `Learning rate (log scale; band: 95% interval over ${config.seeds} runs)`,
        yTitle: 'Share in the global valley',
        logX: true,
      }),
    ],
    [
      'unsettled-by-lr',
      bandChart({
        title: 'Share of runs that diverge or never settle, by learning rate',
        series: byBatch.map(([name, rows]) => ({
          name,
          points: rows.map((row) => {
            const share = row.divergedShare + row.unsettledShare;
            return { x: row.lr, mean: share, low: share, high: share };
          }),
        })),
        xTitle: 'Learning rate (log scale)',
        yTitle: 'Diverged or unsettled',
        logX: true,
      }),
    ],
  ];
}

/** Renders every chart of the study as SVG and PNG. */
export async function renderLocalMinimaCharts(
  result: LocalMinimaResult,
  summary: LocalMinimaSummary,
): Promise<RunFile[]> {
  return renderChartFiles(localMinimaChartSpecs(result, summary));
}
