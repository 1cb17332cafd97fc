import {
  type ConfigurationSummary,
  configurationText,
  meanBand,
  rankedLoss,
  type SweepAxis,
  sweepHeatmap,
} from '@epochlab/experiments';
import { bandChart, heatmapChart } from '@epochlab/plot';
import { renderSvg, svgToPng } from '@epochlab/plot/node';
import type { RunFile } from '../run-folder.js';
import type { SweepOutcome } from './sweep-files.js';

/** Configurations the band chart shows: the best few, so that their colours stay apart. */
export const BAND_CONFIGURATIONS = 8;

const LOSS_TITLES = {
  bestValLoss: 'best validation loss',
  finalTrainLoss: 'final training loss',
} as const;

function spansDecades(values: readonly number[]): boolean {
  const positive = values.filter((value) => value > 0);
  if (positive.length < 2) return false;
  return Math.max(...positive) / Math.min(...positive) > 100;
}

/**
 * The sweep's charts, as SVG and PNG: `heatmap` (the best loss over the two
 * `axes`, the best over every other field per cell; absent when the sweep
 * varies no field) and `bands` (the loss per epoch of the best
 * `BAND_CONFIGURATIONS` configurations: each a mean line and a band of one
 * standard deviation over the seeds, kept within their range).
 */
export async function renderSweepCharts(
  outcome: SweepOutcome,
  summaries: readonly ConfigurationSummary[],
  axes: readonly SweepAxis[],
): Promise<RunFile[]> {
  const charts: { name: string; svg: string }[] = [];
  const seeds = `mean of ${outcome.spec.seeds} seed${outcome.spec.seeds > 1 ? 's' : ''}`;
  const heatmap = sweepHeatmap(axes, summaries);
  if (heatmap !== undefined) {
    const values = heatmap.cells.flatMap((cell) => (cell.value === null ? [] : [cell.value]));
    charts.push({
      name: 'heatmap',
      svg: await renderSvg(
        heatmapChart({
          cells: heatmap.cells,
          xValues: [...new Set(heatmap.cells.map((cell) => cell.x))],
          yValues: [...new Set(heatmap.cells.map((cell) => cell.y))],
          xTitle: heatmap.x.flag,
          yTitle: heatmap.y?.flag ?? '',
          valueTitle: LOSS_TITLES[heatmap.loss],
          logScale: spansDecades(values),
          title: `${outcome.spec.experiment} sweep: ${LOSS_TITLES[heatmap.loss]}, ${seeds}`,
        }),
      ),
    });
  }
  const ranked = summaries
    .flatMap((summary) => {
      const rank = rankedLoss(summary);
      return rank === undefined ? [] : [{ summary, mean: rank.mean }];
    })
    .sort((a, b) => a.mean - b.mean || a.summary.index - b.summary.index)
    .slice(0, BAND_CONFIGURATIONS);
  const curves = new Map(outcome.finished.map((finished) => [finished.index, finished.curve]));
  const series = ranked.map(({ summary }) => ({
    name: `#${summary.index} ${configurationText(outcome.spec, summary.values)}`,
    points: (curves.get(summary.index)?.points ?? []).map((point) => ({
      x: point.x,
      ...meanBand(point),
    })),
  }));
  if (series.length > 0) {
    const loss =
      curves.get(ranked[0]?.summary.index as number)?.loss === 'train' ? 'training' : 'validation';
    const means = series.flatMap((s) => s.points.map((point) => point.mean));
    charts.push({
      name: 'bands',
      svg: await renderSvg(
        bandChart({
          series,
          xTitle: 'epoch',
          yTitle: `${loss} loss`,
          logScale: spansDecades(means),
          legendTitle: `best ${series.length} configurations`,
          title: `${outcome.spec.experiment} sweep: ${loss} loss, ${seeds} ± std`,
        }),
      ),
    });
  }
  const pngs = await Promise.all(charts.map((chart) => svgToPng(chart.svg)));
  return charts.flatMap((chart, i) => [
    { name: `${chart.name}.svg`, content: chart.svg },
    { name: `${chart.name}.png`, content: pngs[i] as Uint8Array },
  ]);
}
