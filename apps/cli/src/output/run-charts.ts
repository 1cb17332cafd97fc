import {
  createBestModel,
  type DataExperimentResult,
  type ExperimentResult,
  experimentCaption,
  fitCurve,
  predictedActual,
} from '@epochlab/experiments';
import { type ChartSpec, fitChart, lossChart, predictedActualChart } from '@epochlab/plot';
import type { ChartThread } from '@epochlab/plot/node';
import { divergenceReason } from './divergence-reason.js';
import type { RunFile } from './run-folder.js';

/** Points of the curve and the true function: enough for a smooth line on a report-sized chart. */
const CURVE_POINTS = 200;

/** Why the fit chart has no model curve: after a divergence the weights are usually NaN. */
function missingCurveNote(result: ExperimentResult | DataExperimentResult): string {
  const why = result.divergence ? `${divergenceReason(result.divergence)}; ` : '';
  return `No model curve: ${why}its predictions are not finite numbers`;
}

/**
 * The curve of the model at its best validation epoch and both models' legend
 * names, when the run kept a best model that differs from the final one
 * (early stopping with `restoreBest` makes them the same: one curve, named so).
 */
function modelCurves(
  result: ExperimentResult | DataExperimentResult,
  finalCurve: { x: number[]; y: number[] },
) {
  const { epochsRun, bestEpoch, restoredBestFromEpoch } = result.summary;
  if (restoredBestFromEpoch !== null) {
    return { labels: { model: `Final model, restored to best epoch ${restoredBestFromEpoch}` } };
  }
  const bestModel = createBestModel(result);
  if (bestModel === undefined || bestEpoch === null) return { labels: {} };
  let bestCurve: { x: number[]; y: number[] };
  try {
    bestCurve = fitCurve({ data: result.data, model: bestModel }, finalCurve.x.length);
  } finally {
    bestModel.dispose();
  }
  if (!bestCurve.y.every(Number.isFinite)) return { labels: {} };
  return {
    bestCurve,
    labels: {
      model: `Final model, after ${epochsRun} epochs`,
      bestModel: `Model at best epoch ${bestEpoch}`,
    },
  };
}

/**
 * The notebook's two figures for a run: the data with the fitted curve (and
 * the true function dashed), and the train/validation loss curves, each as
 * SVG and PNG. A diverged run still gets both: the fit chart without the
 * curve when the model's predictions are no longer finite (the subtitle says
 * why), the loss chart up to the last finite epoch. With validation, the fit
 * chart also draws the model at its best validation epoch, each model
 * labelled with its epoch. Large data is drawn from
 * a bounded sample of points (the subtitle says so). Data with several input
 * columns gets `predicted-vs-actual.svg/png` in place of the fit chart: each
 * row's prediction against its target, with the line y = x.
 *
 * The charts are laid out and rasterised on `charts`' thread: the caller
 * writes its other files before awaiting the promise.
 */
export function renderRunCharts(
  result: ExperimentResult | DataExperimentResult,
  charts: ChartThread,
): Promise<RunFile[]> {
  const several = 'inputNames' in result.data.train && result.data.train.inputNames !== undefined;
  const [fitName, fit] = several
    ? ['predicted-vs-actual', predictedActualSpec(result as DataExperimentResult)]
    : ['fit', fitSpec(result)];
  const loss = lossChart({
    history: result.history,
    title: `${captionOf(result)}: loss per epoch`,
  });
  const names = [fitName, 'loss'];
  return charts.render([fit, loss]).then((rendered) =>
    rendered.flatMap((chart, i): RunFile[] => [
      { name: `${names[i]}.svg`, content: chart.svg },
      { name: `${names[i]}.png`, content: chart.png },
    ]),
  );
}

/**
 * A model with several inputs has no curve over x: each row's prediction
 * against its target instead, validation and training, with the line y = x.
 */
function predictedActualSpec(result: DataExperimentResult): ChartSpec {
  const sets = predictedActual(result);
  const finite = [sets.train, sets.validation].every(
    (set) => set === undefined || set.predicted.every(Number.isFinite),
  );
  const names = result.data.train.inputNames ?? [];
  // The caption goes under the title: the two in one line are wider than the chart.
  const title = `Predicted against actual after ${result.summary.epochsRun} epochs`;
  const caption = captionOf(result);
  const notes = [
    `${caption.charAt(0).toUpperCase()}${caption.slice(1)}`,
    `Inputs: ${names.join(', ')}`,
  ];
  if (!finite) {
    const why = result.divergence ? `${divergenceReason(result.divergence)}; ` : '';
    const note = `No predictions drawn: ${why}they are not finite numbers`;
    return predictedActualChart({
      train: { actual: [], predicted: [] },
      title,
      notes: [...notes, note],
    });
  }
  return predictedActualChart({
    train: sets.train,
    ...(sets.validation ? { validation: sets.validation } : {}),
    title,
    notes,
  });
}

/** The data with the model's curve over x, as the notebook draws it. */
function fitSpec(result: ExperimentResult | DataExperimentResult): ChartSpec {
  const curve = fitCurve(result, CURVE_POINTS);
  // The data experiment's points come from no function: no true curve to draw.
  const truthOf = 'truth' in result.data ? result.data.truth : undefined;
  const truth = truthOf ? { x: curve.x, y: curve.x.map(truthOf) } : undefined;
  const caption = captionOf(result);
  const { train, validation } = result.data;
  const curves = modelCurves(result, curve);
  return fitChart({
    train: { x: train.x, y: train.y },
    ...(validation ? { validation: { x: validation.x, y: validation.y } } : {}),
    ...(curve.y.every(Number.isFinite) ? { curve } : { notes: [missingCurveNote(result)] }),
    ...(truth?.y.every(Number.isFinite) ? { truth } : {}),
    ...(curves.bestCurve ? { bestCurve: curves.bestCurve } : {}),
    labels: curves.labels,
    title: `${caption}: fit after ${result.summary.epochsRun} epochs`,
  });
}

/** `line y = 1x + 0`, or for the data experiment `your data` (with its standardisation). */
function captionOf(result: ExperimentResult | DataExperimentResult): string {
  if (result.config.experiment !== 'data') return experimentCaption(result.config);
  return result.config.standardize ? 'your data (standardised for training)' : 'your data';
}
