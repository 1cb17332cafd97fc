import { batchSizeLabel, resolveBatchSize } from '../batch-size-lab/batch-size-lab-config.js';
import { type EscapeStatistics, escapeStatistics } from './escape-statistics.js';
import type { LocalMinimaConfig } from './local-minima-config.js';
import { localMinimaPoints } from './local-minima-data.js';
import { type SinePoints, type SineWeights, sineFitLoss } from './sine-fit.js';
import { globalValley, type SineValley, sineValleys, valleyIndexOf } from './sine-fit-valleys.js';
import { type SineSgdRun, sineSgdRun } from './sine-sgd.js';

/** Frequencies the study searches for valleys: 0 <= |w| <= 10. */
export const MAX_FREQUENCY = 10;

/** One cell of the grid: a learning rate and a batch size, its runs and their statistics. */
export interface LocalMinimaCell {
  readonly lr: number;
  readonly batchSize: number;
  /** `'4'`, `'full (32)'`. */
  readonly label: string;
  readonly statistics: EscapeStatistics;
  /** Every run's end, in seed order (seeds seed, seed + 1, ...). */
  readonly runs: readonly SineSgdRun[];
}

/** Everything the study computed, as plain numbers. */
export interface LocalMinimaResult {
  readonly config: LocalMinimaConfig;
  /** The training points, rounded to float32. */
  readonly points: SinePoints & { readonly xs: number[]; readonly ys: number[] };
  readonly valleys: readonly SineValley[];
  readonly startValley: number;
  readonly globalValley: number;
  readonly startLoss: number;
  /** Full-batch gradient descent from the start at `pathLr`, `epochs` steps, with its path. */
  readonly fullBatchPath: SineSgdRun;
  /** `pathCount` SGD runs at `pathBatchSize` and `pathLr` (seeds seed, seed + 1, ...), with their paths. */
  readonly sgdPaths: readonly SineSgdRun[];
  /** Learning rates in the config's order, each with a cell per batch size in the config's order. */
  readonly cells: readonly LocalMinimaCell[];
  /** `completed`, or `aborted` when the signal stopped it between cells. */
  readonly status: 'completed' | 'aborted';
  readonly seconds: number;
}

/** Progress of `runLocalMinima`: a cell finished. */
export interface LocalMinimaCellEvent {
  readonly type: 'cell-end';
  /** Cells done so far, out of `total`. */
  readonly done: number;
  readonly total: number;
  readonly cell: LocalMinimaCell;
}

/** Options of `runLocalMinima`. */
export interface RunLocalMinimaOptions {
  /** Called after each cell of the grid. */
  readonly onEvent?: (event: LocalMinimaCellEvent) => void;
  /** Stops between cells; the result holds the cells done, with status `aborted`. */
  readonly signal?: AbortSignal;
}

/** Lets a page or a terminal breathe between cells (and an abort arrive). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The local-minima study: y = a sin(w x) fitted to noisy points of sin(3x)
 * by plain SGD from `config.start`, for every learning rate x batch size of
 * the config, `seeds` runs per cell (seeds seed, seed + 1, ... shuffle the
 * points), each for `epochs` passes over the points. Every run is exact
 * float64 arithmetic on the formula of the gradient (`sineFitGradient`): no
 * tensors, so hundreds of runs per cell take well under a second.
 *
 * Reports per cell the share of runs that end in the global valley, in the
 * start's valley, elsewhere, diverged or unsettled, the steps to the global
 * valley and the final loss spread; and the paths to draw: full-batch
 * gradient descent and `pathCount` SGD runs at `pathLr` and `pathBatchSize`.
 */
export async function runLocalMinima(
  config: LocalMinimaConfig,
  options: RunLocalMinimaOptions = {},
): Promise<LocalMinimaResult> {
  const startedAt = performance.now();
  const points = localMinimaPoints(config);
  const n = points.xs.length;
  const valleys = sineValleys(points, MAX_FREQUENCY);
  const start: SineWeights = { w: config.start[0], a: config.start[1] };
  const startValley = valleyIndexOf(valleys, start.w);
  const global = globalValley(valleys).index;
  const common = { points, start, epochs: config.epochs, valleys };
  const fullBatchPath = sineSgdRun({
    ...common,
    lr: config.pathLr,
    batchSize: n,
    seed: config.seed,
    keepPath: true,
  });
  const sgdPaths = Array.from({ length: config.pathCount }, (_, k) =>
    sineSgdRun({
      ...common,
      lr: config.pathLr,
      batchSize: config.pathBatchSize,
      seed: config.seed + k,
      keepPath: true,
    }),
  );
  const cells: LocalMinimaCell[] = [];
  const total = config.lrs.length * config.batchSizes.length;
  let status: LocalMinimaResult['status'] = 'completed';
  grid: for (const lr of config.lrs) {
    for (const option of config.batchSizes) {
      await nextTask();
      if (options.signal?.aborted) {
        status = 'aborted';
        break grid;
      }
      const batchSize = resolveBatchSize(option, n);
      const runs = Array.from({ length: config.seeds }, (_, k) =>
        sineSgdRun({ ...common, lr, batchSize, seed: config.seed + k }),
      );
      const cell: LocalMinimaCell = {
        lr,
        batchSize,
        label: batchSizeLabel(option, n),
        statistics: escapeStatistics(runs, valleys, startValley, global),
        runs,
      };
      cells.push(cell);
      options.onEvent?.({ type: 'cell-end', done: cells.length, total, cell });
    }
  }
  return {
    config,
    points,
    valleys,
    startValley,
    globalValley: global,
    startLoss: sineFitLoss(start.w, start.a, points),
    fullBatchPath,
    sgdPaths,
    cells,
    status,
    seconds: (performance.now() - startedAt) / 1000,
  };
}
