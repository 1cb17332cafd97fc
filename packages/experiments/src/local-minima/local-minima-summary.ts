import type { EscapeStatistics } from './escape-statistics.js';
import type { LocalMinimaConfig } from './local-minima-config.js';
import type { LocalMinimaCell, LocalMinimaResult } from './run-local-minima.js';
import type { SineValley } from './sine-fit-valleys.js';

/** Where a path ended: its last point, loss, valley and steps. */
export interface PathEnd {
  readonly w: number;
  readonly a: number;
  readonly loss: number;
  readonly valley: number;
  readonly steps: number;
}

/** One row of the study's table: a learning rate, a batch size and what its runs did. */
export interface LocalMinimaRow extends EscapeStatistics {
  readonly lr: number;
  readonly batchSize: number;
  readonly label: string;
}

/** What the CLI writes as `summary.json` and both apps show: everything but the runs themselves. */
export interface LocalMinimaSummary {
  readonly config: LocalMinimaConfig;
  readonly status: LocalMinimaResult['status'];
  readonly seconds: number;
  readonly valleys: readonly SineValley[];
  readonly startValley: number;
  readonly globalValley: number;
  readonly startLoss: number;
  /** Full-batch gradient descent at `pathLr`: where it ended. */
  readonly fullBatch: PathEnd;
  /** The drawn SGD paths: how many ended in the global valley, of how many. */
  readonly sgdPathsInGlobal: number;
  readonly sgdPaths: number;
  readonly rows: readonly LocalMinimaRow[];
}

/** A cell's row of the table: its learning rate, batch size and statistics, without the runs. */
export function localMinimaRow(cell: LocalMinimaCell): LocalMinimaRow {
  return { lr: cell.lr, batchSize: cell.batchSize, label: cell.label, ...cell.statistics };
}

/** The study's summary: valleys, where full-batch descent ended, and a row per cell. */
export function localMinimaSummary(result: LocalMinimaResult): LocalMinimaSummary {
  const gd = result.fullBatchPath;
  return {
    config: result.config,
    status: result.status,
    seconds: result.seconds,
    valleys: result.valleys,
    startValley: result.startValley,
    globalValley: result.globalValley,
    startLoss: result.startLoss,
    fullBatch: { w: gd.end.w, a: gd.end.a, loss: gd.loss, valley: gd.valley, steps: gd.steps },
    sgdPathsInGlobal: result.sgdPaths.filter(
      (run) => !run.diverged && run.valley === result.globalValley,
    ).length,
    sgdPaths: result.sgdPaths.length,
    rows: result.cells.map(localMinimaRow),
  };
}
