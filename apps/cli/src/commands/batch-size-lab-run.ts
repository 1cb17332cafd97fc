import {
  type BatchSizeLabConfig,
  type BatchSizeLabEvent,
  type BatchSizeLabResult,
  labLineView,
  labSummary,
  runBatchSizeLab,
} from '@epochlab/experiments';
import type { CliIo } from '../cli-io.js';
import { renderLabCharts } from '../output/lab/lab-charts.js';
import { labSummaryText } from '../output/lab/lab-summary-text.js';
import {
  curveFiles,
  dataFiles,
  gradientNoiseFiles,
  historyFiles,
  lineViewFiles,
} from '../output/lab/lab-tables.js';
import {
  commitRunFolder,
  finishRun,
  prepareRunFolder,
  type RunFlags,
  reporterFor,
  trainForFolder,
  watchInterrupts,
} from './run-session.js';

type StartEvent = Extract<BatchSizeLabEvent, { type: 'start' }>;

/** `batch-size lab: 100 + 50 validation points, batch sizes 1, 5, 25, full (100), 8 seeds each, ...`. */
function startLine(event: StartEvent): string {
  const c = event.config;
  const points = `${c.n}${c.valN > 0 ? ` + ${c.valN} validation` : ''} points`;
  const sizes = event.groups.map((group) => group.label).join(', ');
  return `batch-size lab: ${points}, batch sizes ${sizes}, ${c.seeds} seeds each, ${c.epochs} epochs, backend ${event.backend.name}`;
}

/**
 * `epochlab run batch-size`: trains the lab's seeds for every batch size
 * with one progress bar over all of them, then writes the run folder
 * atomically: config, summary, loss bands, gradient noise, every run's
 * history, the line view (loss surface and descent paths) and the charts.
 * Ctrl-C stops training and still writes what finished, marked interrupted.
 *
 * Returns the exit code: 0 completed, 1 diverged, 130 interrupted.
 */
export async function runBatchSizeLabCommand(
  config: BatchSizeLabConfig,
  flags: RunFlags,
  io: CliIo,
): Promise<number> {
  const folder = prepareRunFolder(flags, config.experiment, io);
  const interrupts = watchInterrupts(io, folder);

  const reporter = reporterFor(flags, io);
  const epochs = config.epochs;
  let labels: string[] = [];
  const total = () => Math.max(1, labels.length) * epochs;
  // One clock over all batch sizes, so that rate and remaining time span the whole lab.
  let startedAt = performance.now();
  const elapsed = () => (performance.now() - startedAt) / 1000;
  const progressDetail = (group: number, epoch: number) =>
    `batch size ${labels[group] ?? ''} (${group + 1}/${labels.length}), epoch ${epoch}/${epochs}`;
  const result: BatchSizeLabResult = await trainForFolder(folder, interrupts, reporter, () =>
    runBatchSizeLab(config, {
      backend: flags.backend ?? 'auto',
      signal: interrupts.signal,
      progressIntervalMs: 80,
      onEvent: (event) => {
        if (event.type === 'start') {
          labels = event.groups.map((group) => group.label);
          startedAt = performance.now();
          if (!flags.quiet) io.stderr.write(`${startLine(event)}\n`);
          return;
        }
        if (event.type === 'progress') {
          reporter.update({
            done: event.group * epochs + event.epoch + 1,
            total: total(),
            elapsedSeconds: elapsed(),
            detail: progressDetail(event.group, event.epoch + 1),
          });
        } else if (event.type === 'group-end') {
          reporter.update({
            done: event.group * epochs + event.result.train.length,
            total: total(),
            elapsedSeconds: elapsed(),
            detail: progressDetail(event.group, event.result.train.length),
          });
        }
      },
    }),
  );
  interrupts.trainingEnded(result.status);

  const summary = labSummary(result);
  try {
    await commitRunFolder(folder, async () => {
      const view = labLineView(result.config, result.data.train);
      return [
        { name: 'config.json', content: `${JSON.stringify(result.config, null, 2)}\n` },
        { name: 'summary.json', content: `${JSON.stringify(summary, null, 2)}\n` },
        ...dataFiles(result),
        ...curveFiles(result),
        ...gradientNoiseFiles(result),
        ...historyFiles(result),
        ...lineViewFiles(result.config, view),
        ...(await renderLabCharts(result, view)),
      ];
    });
  } finally {
    interrupts.stop();
  }
  return finishRun(
    io,
    flags,
    {
      summary,
      text: () => labSummaryText(result, summary, folder.path),
      status: result.status,
    },
    interrupts,
  );
}
