import { type LocalMinimaConfig, localMinimaSummary, runLocalMinima } from '@epochlab/experiments';
import type { CliIo } from '../cli-io.js';
import { renderLocalMinimaCharts } from '../output/local-minima/local-minima-charts.js';
import { localMinimaFiles } from '../output/local-minima/local-minima-files.js';
import { localMinimaText } from '../output/local-minima/local-minima-text.js';
import {
  commitRunFolder,
  finishRun,
  prepareRunFolder,
  type RunFlags,
  reporterFor,
  watchInterrupts,
} from './run-session.js';

/**
 * `epochlab run local-minima`: runs the grid of learning rates x batch sizes
 * with one progress bar over its cells, then writes the run folder
 * atomically: config, summary, the cells' and runs' tables, the valleys, the
 * paths and the charts (the surface with the paths, the escape shares by
 * batch size and by learning rate, the unsettled share). Ctrl-C stops between
 * cells and still writes the cells done, marked interrupted.
 *
 * Returns the exit code: 0 completed, 130 interrupted.
 */
export async function runLocalMinimaCommand(
  config: LocalMinimaConfig,
  flags: RunFlags,
  io: CliIo,
): Promise<number> {
  const folder = prepareRunFolder(flags, config.experiment, io);
  const interrupts = watchInterrupts(io, folder);
  const reporter = reporterFor(flags, io);
  const startedAt = performance.now();
  let result: Awaited<ReturnType<typeof runLocalMinima>>;
  try {
    result = await runLocalMinima(config, {
      signal: interrupts.signal,
      onEvent: (event) =>
        reporter.update({
          done: event.done,
          total: event.total,
          elapsedSeconds: (performance.now() - startedAt) / 1000,
          detail: `lr ${event.cell.lr}, batch ${event.cell.label}`,
        }),
    });
  } catch (error) {
    folder.discard();
    interrupts.stop();
    throw error;
  } finally {
    reporter.stop();
  }
  interrupts.trainingEnded(result.status);
  const summary = localMinimaSummary(result);
  try {
    await commitRunFolder(folder, async () => [
      { name: 'config.json', content: `${JSON.stringify(result.config, null, 2)}\n` },
      { name: 'summary.json', content: `${JSON.stringify(summary, null, 2)}\n` },
      ...localMinimaFiles(result, summary),
      ...(await renderLocalMinimaCharts(result, summary)),
    ]);
  } finally {
    interrupts.stop();
  }
  return finishRun(
    io,
    flags,
    { summary, text: () => localMinimaText(summary, folder.path), status: result.status },
    interrupts,
  );
}
