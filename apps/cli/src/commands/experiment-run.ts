import {
  type ExperimentConfig,
  type ExperimentResult,
  type ExperimentStartEvent,
  runExperiment,
} from '@epochlab/experiments';
import { saveMlp } from '@epochlab/models/node';
import type { CliIo } from '../cli-io.js';
import { historyToCsv } from '../output/history-csv.js';
import { renderRunCharts } from '../output/run-charts.js';
import { RunFolder } from '../output/run-folder.js';
import { summaryText } from '../output/summary-text.js';
import { formatLoss } from '../progress/format.js';
import {
  commitRunFolder,
  defaultRunFolder,
  finishRun,
  type RunFlags,
  reporterFor,
  watchInterrupts,
} from './run-session.js';

/** `training line: 5 + 5 validation points, 405 parameters, 20000 epochs, backend cpu`. */
function startLine(event: ExperimentStartEvent): string {
  const points = `${event.config.n}${event.config.valN > 0 ? ` + ${event.config.valN} validation` : ''} points`;
  return `training ${event.config.experiment}: ${points}, ${event.parameterCount} parameters, ${event.config.epochs} epochs, backend ${event.backend.name}`;
}

/** What `summary.json` holds: the run's summary, with an aborted run marked as interrupted. */
function summaryFile(result: ExperimentResult) {
  const { status, ...rest } = result.summary;
  return {
    ...rest,
    status: status === 'aborted' ? 'interrupted' : status,
    backendReason: result.backend.reason,
  };
}

/**
 * `epochlab run line|polynomial`: trains one model with a progress line and
 * writes the run folder atomically. Ctrl-C stops training after the current
 * epoch and still writes the folder (marked interrupted); a second Ctrl-C
 * quits at once and leaves nothing behind.
 *
 * Returns the exit code: 0 when training completed or stopped early, 1 when
 * it diverged, 130 when interrupted.
 */
export async function runExperimentCommand(
  config: ExperimentConfig,
  flags: RunFlags,
  io: CliIo,
): Promise<number> {
  const folder = RunFolder.prepare(flags.out ?? defaultRunFolder(config.experiment));
  const interrupts = watchInterrupts(io, folder);

  const reporter = reporterFor(flags, io);
  let result: ExperimentResult;
  try {
    result = await runExperiment(config, {
      backend: flags.backend ?? 'auto',
      signal: interrupts.signal,
      progressIntervalMs: 80,
      onEvent: (event) => {
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
    });
  } catch (error) {
    folder.discard();
    interrupts.stop();
    throw error;
  } finally {
    reporter.stop();
  }

  const summary = summaryFile(result);
  try {
    await commitRunFolder(
      folder,
      async () => [
        { name: 'config.json', content: `${JSON.stringify(result.config, null, 2)}\n` },
        { name: 'history.json', content: `${JSON.stringify(result.history)}\n` },
        { name: 'history.csv', content: historyToCsv(result.history) },
        { name: 'summary.json', content: `${JSON.stringify(summary, null, 2)}\n` },
        ...(await renderRunCharts(result)),
      ],
      () => saveMlp(result.model, folder.stagingPath('model')),
    );
  } finally {
    result.model.dispose();
    interrupts.stop();
  }
  return finishRun(io, flags, {
    summary,
    text: () => summaryText(result, folder.path),
    status: result.status,
  });
}
