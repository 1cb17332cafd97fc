import {
  type LocalMinimaConfig,
  type LocalMinimaResult,
  type LocalMinimaSummary,
  localMinimaSummary,
  runLocalMinima,
} from '@epochlab/experiments';
import type { CliIo } from '../cli-io.js';
import { renderLocalMinimaCharts } from '../output/local-minima/local-minima-charts.js';
import { localMinimaFiles } from '../output/local-minima/local-minima-files.js';
import { localMinimaText } from '../output/local-minima/local-minima-text.js';
import type { RunFlags } from './run-session.js';
import { runStudyCommand } from './study-command.js';

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
export function runLocalMinimaCommand(
  config: LocalMinimaConfig,
  flags: RunFlags,
  io: CliIo,
): Promise<number> {
  return runStudyCommand<LocalMinimaResult, LocalMinimaSummary>(
    {
      experiment: config.experiment,
      run: (signal, progress) =>
        runLocalMinima(config, {
          signal,
          onEvent: (event) =>
            progress(event.done, event.total, `lr ${event.cell.lr}, batch ${event.cell.label}`),
        }),
      summary: localMinimaSummary,
      files: async (result, summary) => [
        { name: 'config.json', content: `${JSON.stringify(result.config, null, 2)}\n` },
        ...localMinimaFiles(result, summary),
        ...(await renderLocalMinimaCharts(result, summary)),
      ],
      text: (_result, summary, folder) => localMinimaText(summary, folder),
    },
    flags,
    io,
  );
}
