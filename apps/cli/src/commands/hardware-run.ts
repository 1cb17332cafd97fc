import {
  type HardwareConfig,
  type HardwareResult,
  runBatchSizeHardware,
} from '@epochlab/experiments';
import type { CliIo } from '../cli-io.js';
import { renderChartFiles } from '../output/chart-files.js';
import { hardwareChartSpecs, hardwareFiles } from '../output/hardware/hardware-files.js';
import { hardwareText } from '../output/hardware/hardware-text.js';
import type { RunFlags } from './run-session.js';
import { runStudyCommand } from './study-command.js';

/**
 * `epochlab run batch-size-hardware`: times training against batch size on
 * every backend that starts here (`--backend` picks one instead), then writes
 * the run folder atomically: config, summary (cells, knees, backends that
 * could not start and why), `cells.csv`, and the throughput and
 * time-to-target charts. Ctrl-C stops after the current measurement.
 *
 * Returns the exit code: 0 completed, 130 interrupted.
 */
export function runHardwareCommand(
  config: HardwareConfig,
  flags: RunFlags,
  io: CliIo,
): Promise<number> {
  const backends =
    flags.backend === undefined || flags.backend === 'auto' ? undefined : [flags.backend];
  return runStudyCommand(
    {
      experiment: config.experiment,
      run: (signal, progress) =>
        runBatchSizeHardware(config, {
          ...(backends ? { backends } : {}),
          signal,
          onEvent: (event) =>
            progress(
              event.done,
              event.total,
              `${event.cell.backend}, ${event.cell.model}, batch ${event.cell.label}`,
            ),
        }),
      summary: (result: HardwareResult) => ({
        status: result.status,
        backendsTried: result.backendsTried,
        unavailable: result.unavailable,
        knees: result.knees,
        cells: result.cells,
      }),
      files: async (result) => [
        { name: 'config.json', content: `${JSON.stringify(result.config, null, 2)}\n` },
        ...hardwareFiles(result),
        ...(await renderChartFiles(hardwareChartSpecs(result))),
      ],
      text: (result, _summary, folder) => hardwareText(result, folder),
    },
    flags,
    io,
  );
}
