import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ExperimentResult,
  type ExperimentStartEvent,
  runExperiment,
} from '@epochlab/experiments';
import { saveMlp } from '@epochlab/models/node';
import type { CliIo } from '../cli-io.js';
import { type FlagValues, resolveConfig } from '../config/resolve-config.js';
import { historyToCsv } from '../output/history-csv.js';
import { renderRunCharts } from '../output/run-charts.js';
import { RunFolder } from '../output/run-folder.js';
import { summaryText } from '../output/summary-text.js';
import {
  createLineReporter,
  createTerminalReporter,
  type ProgressReporter,
  silentReporter,
} from '../progress/progress-reporter.js';

/** Flags of `epochlab run` besides the config fields. */
export interface RunFlags extends FlagValues {
  backend?: string;
  out?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Exit code of a run that was interrupted with Ctrl-C (128 + SIGINT), as shells expect. */
export const EXIT_INTERRUPTED = 130;

function timestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/** `runs/<experiment>-<yyyymmdd-hhmmss>`, with a suffix if that exists already. */
export function defaultRunFolder(experiment: string, now = new Date()): string {
  const base = join('runs', `${experiment}-${timestamp(now)}`);
  let candidate = base;
  for (let i = 2; existsSync(candidate); i++) candidate = `${base}-${i}`;
  return candidate;
}

function reporterFor(flags: RunFlags, io: CliIo): ProgressReporter {
  if (flags.quiet) return silentReporter;
  return io.stderr.isTTY ? createTerminalReporter(io.stderr) : createLineReporter(io.stderr);
}

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
 * `epochlab run`: resolves the config, trains with a progress line, and
 * writes the run folder atomically. Ctrl-C stops training after the current
 * epoch and still writes the folder (marked interrupted); a second Ctrl-C
 * quits at once and leaves nothing behind.
 *
 * Returns the exit code: 0 when training completed or stopped early, 1 when
 * it diverged, 130 when interrupted.
 */
export async function runCommand(
  experimentOrFile: string,
  flags: RunFlags,
  io: CliIo,
): Promise<number> {
  const config = resolveConfig(experimentOrFile, flags);
  const folder = RunFolder.prepare(flags.out ?? defaultRunFolder(config.experiment));

  const controller = new AbortController();
  let interrupts = 0;
  const onInterrupt = () => {
    interrupts++;
    if (interrupts === 1) {
      controller.abort();
      io.stderr.write(
        '\ninterrupted: saving the run so far (press Ctrl-C again to quit without saving)\n',
      );
    } else {
      folder.discard();
      process.exit(EXIT_INTERRUPTED);
    }
  };
  io.onInterrupt(onInterrupt);

  const reporter = reporterFor(flags, io);
  let result: ExperimentResult;
  try {
    result = await runExperiment(config, {
      backend: flags.backend ?? 'auto',
      signal: controller.signal,
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
          trainLoss: event.trainLoss,
          valLoss: event.valLoss,
          elapsedSeconds: event.elapsedSeconds,
        });
      },
    });
  } catch (error) {
    folder.discard();
    throw error;
  } finally {
    reporter.stop();
  }

  const summary = summaryFile(result);
  try {
    folder.write([
      { name: 'config.json', content: `${JSON.stringify(result.config, null, 2)}\n` },
      { name: 'history.json', content: `${JSON.stringify(result.history)}\n` },
      { name: 'history.csv', content: historyToCsv(result.history) },
      { name: 'summary.json', content: `${JSON.stringify(summary, null, 2)}\n` },
      ...(await renderRunCharts(result)),
    ]);
    await saveMlp(result.model, folder.stagingPath('model'));
    folder.commit();
  } catch (error) {
    folder.discard();
    throw error;
  } finally {
    result.model.dispose();
    io.offInterrupt(onInterrupt);
  }

  if (flags.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  if (!flags.quiet) (flags.json ? io.stderr : io.stdout).write(summaryText(result, folder.path));

  if (result.status === 'diverged') return 1;
  if (result.status === 'aborted') return EXIT_INTERRUPTED;
  return 0;
}
