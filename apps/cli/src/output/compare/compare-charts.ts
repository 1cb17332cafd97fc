import {
  type ComparedRun,
  experimentCaption,
  fitCurve,
  generateExperimentData,
  type RunComparison,
} from '@epochlab/experiments';
import { loadMlp } from '@epochlab/models/node';
import { compareLossChart, fitChart } from '@epochlab/plot';
import { renderSvg, svgToPng } from '@epochlab/plot/node';
import { SeededRandom } from '@epochlab/tensor';
import type { RunFile } from '../run-folder.js';
import type { RunFolderContents } from './read-run-folder.js';

/** Points of each model's curve, as in a run's fit chart. */
const CURVE_POINTS = 200;

/**
 * The final models of runs that share their data, drawn over those points
 * (regenerated from the first run's config and seed, as `epochlab run` drew
 * them); `undefined` when no run saved a model. Runs without a saved model
 * (a diverged one) are named in `missing`.
 */
async function fitFigure(
  folders: readonly RunFolderContents[],
): Promise<{ spec: ReturnType<typeof fitChart>; missing: string[] } | undefined> {
  const first = folders[0]?.run as ComparedRun;
  const data = generateExperimentData(first.config, new SeededRandom(first.config.seed));
  const models: { label: string; curve: { x: number[]; y: number[] } }[] = [];
  const missing: string[] = [];
  for (const { run, modelPath } of folders) {
    if (modelPath === undefined) {
      missing.push(run.label);
      continue;
    }
    const model = await loadMlp(modelPath);
    try {
      models.push({
        label: `${run.label}, after ${run.summary.epochsRun} epochs`,
        curve: fitCurve({ data, model }, CURVE_POINTS),
      });
    } finally {
      model.dispose();
    }
  }
  if (models.length === 0) return undefined;
  const x = models[0]?.curve.x ?? [];
  const spec = fitChart({
    train: { x: data.train.x, y: data.train.y },
    ...(data.validation ? { validation: { x: data.validation.x, y: data.validation.y } } : {}),
    truth: { x, y: x.map(data.truth) },
    models: models.filter((model) => model.curve.y.every(Number.isFinite)),
    title: `${experimentCaption(first.config)}: the compared runs' final models`,
  });
  return { spec, missing };
}

/**
 * The comparison's figures as SVG and PNG: `loss` (every run's train and
 * validation curves, best epochs marked, log scale on request) and, when
 * the runs share their data, `fit` (each run's final model over the points).
 * Returns the files and what else was left out (runs without a saved model).
 */
export async function renderCompareCharts(
  folders: readonly RunFolderContents[],
  comparison: RunComparison,
  logScale: boolean,
): Promise<{ readonly files: RunFile[]; readonly leftOut: string[] }> {
  const leftOut: string[] = [];
  const specs: [string, ReturnType<typeof fitChart>][] = [
    [
      'loss',
      compareLossChart({
        runs: folders.map(({ run }) => ({ label: run.label, history: run.history })),
        logScale,
        title: `Loss per epoch of ${folders.length} runs${logScale ? ' (log scale)' : ''}`,
      }),
    ],
  ];
  if (comparison.sameData) {
    const fit = await fitFigure(folders);
    if (fit === undefined) {
      leftOut.push('fit chart: no run saved its model');
    } else {
      specs.push(['fit', fit.spec]);
      if (fit.missing.length > 0) {
        leftOut.push(
          `fit chart: ${fit.missing.join(', ')} saved no model (its weights were not finite)`,
        );
      }
    }
  }
  const files: RunFile[] = [];
  for (const [name, spec] of specs) {
    const svg = await renderSvg(spec);
    files.push(
      { name: `${name}.svg`, content: svg },
      { name: `${name}.png`, content: await svgToPng(svg) },
    );
  }
  return { files, leftOut };
}
