import { RandomSampler } from '@epochlab/data';
import { InvalidArgumentError } from '@epochlab/tensor/errors';
import {
  allIndices,
  checkLinePoints,
  checkLossName,
  type LineFitData,
  type LinePoint,
  meanGradient,
  meanLoss,
} from './line-loss.js';

/** Options of `descentPath`. */
export interface DescentPathOptions extends LineFitData {
  /** Where the path starts: `[m, b]`. */
  readonly start: readonly [number, number];
  /** Learning rate of plain SGD, > 0. */
  readonly lr: number;
  /** Gradient steps to take (mini-batches, not epochs), a whole number >= 0. */
  readonly steps: number;
  /** Points per mini-batch, a whole number from 1 to the number of points. */
  readonly batchSize: number;
  /** Draw a new order of the points every epoch (else 0..n-1 every epoch). */
  readonly shuffle: boolean;
  /** Seed of the shuffling order, as `RandomSampler(n, seed)`. */
  readonly seed: number;
}

/**
 * The path of plain SGD on the line y = m x + b, from `start`, one point per
 * step: `(m, b) -= lr * gradient of the batch's mean loss` (`lineLossGradient`
 * over the batch's points). Batches are consecutive runs of `batchSize` points
 * in the epoch's order — `new RandomSampler(n, seed).order(epoch)` when
 * shuffling, 0..n-1 otherwise — with the last, shorter batch kept (PyTorch's
 * `drop_last=False`); after the last batch of an epoch the next epoch starts.
 * So a batch size of n is full-batch gradient descent.
 *
 * Returns `steps + 1` points, the start first, each with the loss over all the
 * points there (the value of the loss surface). Each batch's gradient is summed
 * in index order, so a batch size of n gives exactly the full-batch path,
 * shuffled or not. A path that diverges stops
 * before its first point with a non-finite m, b or loss, so it has fewer.
 *
 * Throws `InvalidArgumentError` naming the option for bad input.
 */
export function descentPath(options: DescentPathOptions): LinePoint[] {
  const { xs, ys, loss, lr, steps, batchSize, shuffle, seed } = options;
  checkLinePoints(xs, ys);
  checkLossName(loss);
  const [m0, b0] = checkStart(options.start);
  if (typeof lr !== 'number' || !Number.isFinite(lr) || lr <= 0) {
    throw new InvalidArgumentError('lr', 'a finite number > 0', lr);
  }
  if (!Number.isInteger(steps) || steps < 0) {
    throw new InvalidArgumentError('steps', 'a whole number >= 0', steps);
  }
  const n = xs.length;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > n) {
    throw new InvalidArgumentError('batchSize', `a whole number from 1 to ${n}`, batchSize);
  }
  if (typeof shuffle !== 'boolean') {
    throw new InvalidArgumentError('shuffle', 'true or false', shuffle);
  }
  const sampler = shuffle ? new RandomSampler(n, seed) : undefined;
  const all = allIndices(n);
  let m = m0;
  let b = b0;
  const points: LinePoint[] = [{ m, b, loss: meanLoss(m, b, xs, ys, loss, all) }];
  let epoch = 0;
  let order = sampler ? sampler.order(epoch) : all;
  let offset = 0;
  for (let step = 0; step < steps; step++) {
    if (offset >= n) {
      epoch++;
      order = sampler ? sampler.order(epoch) : all;
      offset = 0;
    }
    // Summed in index order: a batch of all n points gives exactly the full-batch step.
    const batch = order.slice(offset, Math.min(offset + batchSize, n)).sort();
    offset += batchSize;
    const gradient = meanGradient(m, b, xs, ys, loss, batch);
    const nextM = m - lr * gradient.dm;
    const nextB = b - lr * gradient.db;
    const nextLoss = meanLoss(nextM, nextB, xs, ys, loss, all);
    if (!Number.isFinite(nextM) || !Number.isFinite(nextB) || !Number.isFinite(nextLoss)) break;
    m = nextM;
    b = nextB;
    points.push({ m, b, loss: nextLoss });
  }
  return points;
}

/** Checks a start point `[m, b]` of two finite numbers; throws naming `start`. */
export function checkStart(start: readonly [number, number]): [number, number] {
  if (
    !Array.isArray(start) ||
    start.length !== 2 ||
    !start.every((v) => typeof v === 'number' && Number.isFinite(v))
  ) {
    throw new InvalidArgumentError('start', 'two finite numbers [m, b]', start);
  }
  return [start[0], start[1]];
}
