import {
  hasSettled,
  type LocalMinimaResult,
  type LocalMinimaSummary,
  type SineSgdRun,
} from '@epochlab/experiments';
import type { RunFile } from '../run-folder.js';
import { csvFile, jsonFile } from '../table-files.js';

function pathOf(run: SineSgdRun) {
  return { seed: run.seed, valley: run.valley, diverged: run.diverged, points: run.path ?? [] };
}

/**
 * The study's tables: `cells.csv` (a row per learning rate and batch size:
 * shares, steps, final loss spread), `runs.csv` (every run's end), `points.csv`
 * (the training points), `valleys.csv` and `paths.json` (the full-batch path
 * and the SGD paths, every step's w and a).
 */
export function localMinimaFiles(
  result: LocalMinimaResult,
  summary: LocalMinimaSummary,
): RunFile[] {
  return [
    csvFile(
      'cells.csv',
      [
        'lr',
        'batch_size',
        'label',
        'runs',
        'global_share',
        'global_share_low95',
        'global_share_high95',
        'start_share',
        'other_share',
        'diverged_share',
        'unsettled_share',
        'median_steps_to_global',
        'final_loss_mean',
        'final_loss_std',
        'final_loss_min',
        'final_loss_max',
      ],
      summary.rows.map((row) => [
        row.lr,
        row.batchSize,
        row.label,
        row.runs,
        row.globalShare,
        row.globalShareInterval[0],
        row.globalShareInterval[1],
        row.startShare,
        row.otherShare,
        row.divergedShare,
        row.unsettledShare,
        row.medianStepsToGlobal,
        row.finalLoss?.mean,
        row.finalLoss?.std,
        row.finalLoss?.min,
        row.finalLoss?.max,
      ]),
    ),
    csvFile(
      'runs.csv',
      [
        'lr',
        'batch_size',
        'seed',
        'w',
        'a',
        'loss',
        'valley',
        'steps',
        'entered_at_step',
        'diverged',
        'settled',
      ],
      result.cells.flatMap((cell) =>
        cell.runs.map((run) => [
          cell.lr,
          cell.batchSize,
          run.seed,
          run.end.w,
          run.end.a,
          run.loss,
          run.valley,
          run.steps,
          run.enteredAtStep,
          run.diverged,
          !run.diverged && hasSettled(run, result.valleys),
        ]),
      ),
    ),
    csvFile(
      'points.csv',
      ['x', 'y'],
      result.points.xs.map((x, i) => [x, result.points.ys[i]]),
    ),
    csvFile(
      'valleys.csv',
      ['valley', 'low_w', 'high_w', 'min_w', 'min_a', 'min_loss', 'ridge_loss'],
      result.valleys.map((v) => [
        v.index,
        v.low,
        v.high,
        v.minimum.w,
        v.minimum.a,
        v.minimum.loss,
        v.ridgeLoss,
      ]),
    ),
    jsonFile('paths.json', {
      lr: result.config.pathLr,
      fullBatch: pathOf(result.fullBatchPath),
      sgdBatchSize: result.config.pathBatchSize,
      sgd: result.sgdPaths.map(pathOf),
    }),
  ];
}
