import {
  createBestModel,
  type DataExperimentConfig,
  type DataExperimentEvent,
  type DataExperimentResult,
  type DataExperimentStartEvent,
  type ExperimentConfig,
  type ExperimentEvent,
  type ExperimentResult,
  type ExperimentStartEvent,
  inputRanges,
  runExperiment,
  runStreamedDataExperiment,
  type StreamedData,
  type StreamedDataConfig,
} from '@epochlab/experiments';
import { saveMlp } from '@epochlab/models/node';
import { ChartThread } from '@epochlab/plot/node';
import type { CliIo } from '../cli-io.js';
import type { DataFromFlags } from '../config/data-flags.js';
import { configForFile, dataRunFiles } from '../output/data-files.js';
import { divergenceReason } from '../output/divergence-reason.js';
import { historyCsvChunks } from '../output/history-csv.js';
import { historyJsonChunks } from '../output/history-json.js';
import { minimumHistoryBytes } from '../output/history-size.js';
import { renderRunCharts } from '../output/run-charts.js';
import { summaryText } from '../output/summary-text.js';
import { formatLoss } from '../progress/format.js';
import {
  commitRunFolder,
  finishRun,
  prepareRunFolder,
  type RunFlags,
  reporterFor,
  trainForFolder,
  watchInterrupts,
} from './run-session.js';

/** A run's result, whatever its data: drawn from a function or given. */
type AnyResult = ExperimentResult | DataExperimentResult;

/** `training line: 5 + 5 validation points, 405 parameters, 20000 epochs, backend cpu`. */
function startLine(event: ExperimentStartEvent | DataExperimentStartEvent): string {
  // A streamed file's data holds a sample for the charts: its rows used say how many trained.
  const rows =
    'rowsUsed' in event.data
      ? event.data.rowsUsed
      : { train: event.data.train.y.length, validation: event.data.validation?.y.length ?? 0 };
  const validation = rows.validation;
  const points = `${rows.train}${validation > 0 ? ` + ${validation} validation` : ''} points`;
  return `training ${event.config.experiment}: ${points}, ${event.parameterCount} parameters, ${event.config.epochs} epochs, backend ${event.backend.name}`;
}

/** How many validation points a config has (for the disk-space check before training). */
function validationCount(
  config: ExperimentConfig | DataExperimentConfig | StreamedDataConfig,
  streamed: StreamedData | undefined,
): number {
  if (config.experiment !== 'data') return config.valN;
  if (streamed) return streamed.rowsUsed.validation;
  if (config.validationPoints) return config.validationPoints.y.length;
  return Math.floor((config.points?.y.length ?? 0) * config.valFraction);
}

/**
 * What `summary.json` holds: the run's summary, with an aborted run marked as
 * interrupted and a diverged one with the reason.
 */
function summaryFile(result: AnyResult, modelSaved: boolean, bestModelSaved: boolean) {
  const { status, ...rest } = result.summary;
  return {
    ...rest,
    status: status === 'aborted' ? 'interrupted' : status,
    ...(result.divergence ? { divergenceReason: divergenceReason(result.divergence) } : {}),
    modelSaved,
    bestModelSaved,
    backendReason: result.backend.reason,
    // Data with several inputs has no x axis to show them: each column's range, of the training points.
    ...('inputNames' in result.data.train && result.data.train.inputNames
      ? { inputRanges: inputRanges(result.data.train) }
      : {}),
  };
}

/** Whether every weight is a finite number: a diverged model's NaN weights are not worth saving. */
function hasFiniteWeights(weights: readonly Float32Array[]): boolean {
  return weights.every((values) => values.every(Number.isFinite));
}

/** Saves the model at its best validation epoch to `directory` (`model-best/`). */
async function saveBestModel(result: AnyResult, directory: string): Promise<void> {
  const bestModel = createBestModel(result);
  if (bestModel === undefined) return;
  try {
    await saveMlp(bestModel, directory);
  } finally {
    bestModel.dispose();
  }
}

/**
 * `epochlab run line|polynomial|sine|data`: trains one model with a progress line and
 * writes the run folder atomically. SIGINT (Ctrl-C) or SIGTERM stops training
 * after the current epoch and still writes the folder (marked interrupted); a
 * second one quits at once and leaves nothing behind. A diverged run writes
 * its folder too: the history up to the last finite epoch and the reason; its
 * model only when the weights are still finite numbers.
 *
 * The data experiment's folder also holds `data.json` (where the points came
 * from), copies of small data files and `scaling.json` (see `dataRunFiles`).
 *
 * Returns the exit code: 0 when training completed or stopped early, 1 when
 * it diverged, 130 (SIGINT) or 143 (SIGTERM) when interrupted.
 */
export async function runExperimentCommand(
  config: ExperimentConfig | DataExperimentConfig | StreamedDataConfig,
  flags: RunFlags,
  io: CliIo,
  files?: DataFromFlags['files'],
  streamed?: StreamedData,
): Promise<number> {
  const folder = prepareRunFolder(flags, config.experiment, io, {
    expectedBytes: minimumHistoryBytes({ ...config, valN: validationCount(config, streamed) }),
  });
  const interrupts = watchInterrupts(io, folder);
  // Loads Vega and the fonts on another core while this one trains.
  const charts = ChartThread.start();

  const reporter = reporterFor(flags, io);
  const options = {
    backend: flags.backend ?? 'auto',
    signal: interrupts.signal,
    progressIntervalMs: 80,
    onEvent: (event: ExperimentEvent | DataExperimentEvent) => {
      if (event.type === 'start') {
        if (!flags.quiet) io.stderr.write(`${startLine(event)}\n`);
        return;
      }
      if (event.type !== 'epoch') return;
      reporter.update({
        done: event.epoch + 1,
        total: event.epochs,
        elapsedSeconds: event.elapsedSeconds,
        detail: `loss ${formatLoss(event.trainLoss)} val ${formatLoss(event.valLoss)}`,
      });
    },
  };
  const result: AnyResult = await trainForFolder(folder, interrupts, reporter, () =>
    streamed
      ? runStreamedDataExperiment(config, streamed, options)
      : runExperiment(config as ExperimentConfig | DataExperimentConfig, options),
  );
  interrupts.trainingEnded(result.status);

  const modelSaved = hasFiniteWeights(result.model.getWeights());
  const bestModelSaved = result.best !== undefined && hasFiniteWeights(result.best.values);
  const summary = summaryFile(result, modelSaved, bestModelSaved);
  const history = result.history;
  try {
    await commitRunFolder(
      folder,
      async () => {
        const chartFiles = renderRunCharts(result, charts);
        // Settled below; this keeps an early failure from going unhandled meanwhile.
        chartFiles.catch(() => {});
        // Written while the charts are rendered on their thread.
        folder.write([
          { name: 'history.json', chunks: () => historyJsonChunks(history) },
          { name: 'history.csv', chunks: () => historyCsvChunks(history) },
        ]);
        const given =
          result.config.experiment === 'data' ? (result as DataExperimentResult) : undefined;
        const config = given ? configForFile(given.config, files) : result.config;
        return [
          { name: 'config.json', content: `${JSON.stringify(config, null, 2)}\n` },
          ...(given ? dataRunFiles(given, files) : []),
          { name: 'summary.json', content: `${JSON.stringify(summary, null, 2)}\n` },
          ...(await chartFiles),
        ];
      },
      async () => {
        if (modelSaved) await saveMlp(result.model, folder.stagingPath('model'));
        if (bestModelSaved) await saveBestModel(result, folder.stagingPath('model-best'));
      },
    );
  } finally {
    result.model.dispose();
    interrupts.stop();
    await charts.close();
  }
  return finishRun(
    io,
    flags,
    {
      summary,
      text: () => summaryText(result, folder.path, modelSaved),
      status: result.status,
    },
    interrupts,
  );
}
