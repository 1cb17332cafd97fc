import { type ExperimentResult, experimentCaption, fitCurve } from '@epochlab/experiments';
import { fitChart, lossChart } from '@epochlab/plot';
import { renderPng, renderSvg } from '@epochlab/plot/node';
import type { RunFile } from './run-folder.js';

/** Points of the curve and the true function: enough for a smooth line on a report-sized chart. */
const CURVE_POINTS = 200;

/**
 * The notebook's two figures for a run: the data with the fitted curve (and
 * the true function dashed), and the train/validation loss curves, each as
 * SVG and PNG.
 */
export async function renderRunCharts(result: ExperimentResult): Promise<RunFile[]> {
  const curve = fitCurve(result, CURVE_POINTS);
  const truth = { x: curve.x, y: curve.x.map(result.data.truth) };
  const { train, validation } = result.data;
  const fit = fitChart({
    train: { x: train.x, y: train.y },
    ...(validation ? { validation: { x: validation.x, y: validation.y } } : {}),
    curve,
    truth,
    title: `${experimentCaption(result.config)}: fit after ${result.summary.epochsRun} epochs`,
  });
  const loss = lossChart({
    history: result.history,
    title: `${experimentCaption(result.config)}: loss per epoch`,
  });
  const [fitSvg, fitPng, lossSvg, lossPng] = await Promise.all([
    renderSvg(fit),
    renderPng(fit),
    renderSvg(loss),
    renderPng(loss),
  ]);
  return [
    { name: 'fit.svg', content: fitSvg },
    { name: 'fit.png', content: fitPng },
    { name: 'loss.svg', content: lossSvg },
    { name: 'loss.png', content: lossPng },
  ];
}
