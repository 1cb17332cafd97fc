import {
  type BandPoint,
  type BatchSizeGroup,
  type BatchSizeLabResult,
  type LabLineViewSettings,
  type LineView,
  labLineViewFile,
  labRunStatus,
  type Spread,
  stepsAfterEpoch,
} from '@epochlab/experiments';
import type { RunFile } from '../run-folder.js';
import { csvFile as csv, jsonFile as json } from '../table-files.js';

function groupKey(group: BatchSizeGroup) {
  return { label: group.label, batchSize: group.batchSize, stepsPerEpoch: group.stepsPerEpoch };
}

const bandColumns = ['mean', 'std', 'min', 'max', 'count'] as const;

function bandCells(point: BandPoint | Spread): number[] {
  return bandColumns.map((column) => point[column]);
}

/**
 * `curves.json` and `curves.csv`: per batch size, the train and validation
 * loss over seeds at every epoch (mean, sample std, min, max, count), with
 * the gradient steps taken by the end of that epoch.
 */
export function curveFiles(result: BatchSizeLabResult): RunFile[] {
  const groups = result.groups.map((group) => ({
    ...groupKey(group),
    train: group.train,
    val: group.val,
  }));
  const rows: unknown[][] = [];
  for (const group of result.groups) {
    for (const [split, points] of [
      ['train', group.train],
      ['val', group.val],
    ] as const) {
      for (const point of points) {
        rows.push([
          group.batchSize,
          group.label,
          split,
          point.x,
          stepsAfterEpoch(point.x, group.stepsPerEpoch),
          ...bandCells(point),
        ]);
      }
    }
  }
  return [
    json('curves.json', { x: 'epoch', groups }),
    csv('curves.csv', ['batch_size', 'label', 'split', 'epoch', 'step', ...bandColumns], rows),
  ];
}

/**
 * `gradient-noise.json` and `gradient-noise.csv`: per batch size and measured
 * epoch, the cosine between mini-batch and full-batch gradients and their
 * squared distance, each over seeds.
 */
export function gradientNoiseFiles(result: BatchSizeLabResult): RunFile[] {
  const groups = result.groups.map((group) => ({ ...groupKey(group), points: group.noise }));
  const rows: unknown[][] = [];
  for (const group of result.groups) {
    for (const point of group.noise) {
      rows.push([
        group.batchSize,
        group.label,
        point.epoch,
        point.step,
        ...bandCells(point.cosine).slice(0, 4),
        ...bandCells(point.variance).slice(0, 4),
        point.cosine.count,
      ]);
    }
  }
  return [
    json('gradient-noise.json', { groups }),
    csv(
      'gradient-noise.csv',
      [
        'batch_size',
        'label',
        'epoch',
        'step',
        'cosine_mean',
        'cosine_std',
        'cosine_min',
        'cosine_max',
        'variance_mean',
        'variance_std',
        'variance_min',
        'variance_max',
        'count',
      ],
      rows,
    ),
  ];
}

/**
 * `histories.json` and `histories.csv`: every run's own loss history (per
 * batch size and seed), the raw numbers behind the bands.
 */
export function historyFiles(result: BatchSizeLabResult): RunFile[] {
  const groups = result.groups.map((group) => ({
    ...groupKey(group),
    runs: group.runs.map((run) => ({
      seed: run.seed,
      status: labRunStatus(run.status),
      history: run.history,
    })),
  }));
  const rows: unknown[][] = [];
  for (const group of result.groups) {
    for (const run of group.runs) {
      const validation = new Map(run.history.val.map((point) => [point.epoch, point.loss]));
      for (const point of run.history.train) {
        rows.push([
          group.batchSize,
          group.label,
          run.seed,
          point.epoch,
          point.loss,
          validation.get(point.epoch),
        ]);
      }
    }
  }
  return [
    json('histories.json', { groups }),
    csv('histories.csv', ['batch_size', 'label', 'seed', 'epoch', 'train_loss', 'val_loss'], rows),
  ];
}

/**
 * `line-view.json` (the loss surface of y = m x + b over a grid of (m, b), its
 * minimum and the descent paths) and `line-paths.csv` (every path point).
 */
export function lineViewFiles(settings: LabLineViewSettings, view: LineView): RunFile[] {
  const rows: unknown[][] = [];
  for (const path of view.paths) {
    path.points.forEach((point, step) => {
      rows.push([path.label, path.batchSize, step, point.m, point.b, point.loss]);
    });
  }
  return [
    json('line-view.json', labLineViewFile(settings, view)),
    csv('line-paths.csv', ['label', 'batch_size', 'step', 'm', 'b', 'loss'], rows),
  ];
}

/** `data.csv`: the lab's points, the same for every batch size and seed (`split` train or val). */
export function dataFiles(result: BatchSizeLabResult): RunFile[] {
  const { train, validation } = result.data;
  const rows: unknown[][] = [
    ...train.x.map((x, i) => ['train', x, train.y[i]]),
    ...(validation?.x.map((x, i) => ['val', x, validation.y[i]]) ?? []),
  ];
  return [csv('data.csv', ['split', 'x', 'y'], rows)];
}
