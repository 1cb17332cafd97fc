import { InvalidArgumentError } from '@epochlab/tensor/errors';
import type { LossName } from '@epochlab/train';

/** The losses the line view knows, with PyTorch's definitions (mean over the points). */
const LINE_LOSSES: readonly LossName[] = ['l1', 'mse', 'huber'];

/** The training points a line y = m x + b is fitted to, and the loss it is judged by. */
export interface LineFitData {
  /** Inputs of the training points. */
  readonly xs: readonly number[];
  /** Targets of the training points, as many as `xs`. */
  readonly ys: readonly number[];
  readonly loss: LossName;
}

/** A point of the (m, b) plane with the loss of the line y = m x + b over all the data there. */
export interface LinePoint {
  m: number;
  b: number;
  loss: number;
}

/**
 * The loss of one residual `e = prediction - target`, as PyTorch defines it:
 * `|e|` (L1Loss), `e^2` (MSELoss), Huber with delta 1 (`0.5 e^2` when |e| < 1,
 * else `|e| - 0.5`; the same as SmoothL1Loss with beta 1).
 */
export function residualLoss(e: number, loss: LossName): number {
  switch (loss) {
    case 'l1':
      return Math.abs(e);
    case 'mse':
      return e * e;
    case 'huber': {
      const size = Math.abs(e);
      return size < 1 ? 0.5 * e * e : size - 0.5;
    }
  }
}

/**
 * The derivative of `residualLoss` with respect to the residual, as PyTorch's
 * backward computes it: `sign(e)` with `sign(0) = 0` for L1, `2e` for MSE,
 * `e` clipped to [-1, 1] for Huber.
 */
export function residualLossDerivative(e: number, loss: LossName): number {
  switch (loss) {
    case 'l1':
      return e > 0 ? 1 : e < 0 ? -1 : 0;
    case 'mse':
      return 2 * e;
    case 'huber':
      return Math.min(1, Math.max(-1, e));
  }
}

/**
 * The mean loss of the line y = m x + b over the points (xs[i], ys[i]):
 * `mean_i loss(m * xs[i] + b - ys[i])`, PyTorch's mean reduction.
 *
 * Throws `InvalidArgumentError` when the points are empty, of different
 * lengths or not finite, or `loss` is not one of l1, mse, huber.
 */
export function lineLoss(
  m: number,
  b: number,
  xs: readonly number[],
  ys: readonly number[],
  loss: LossName,
): number {
  checkLinePoints(xs, ys);
  checkLossName(loss);
  return meanLoss(m, b, xs, ys, loss, allIndices(xs.length));
}

/**
 * The gradient of `lineLoss` with respect to m and b:
 * `dm = mean_i loss'(e_i) * xs[i]`, `db = mean_i loss'(e_i)` with
 * `e_i = m * xs[i] + b - ys[i]` and `loss'` as in PyTorch's backward
 * (for L1 the subgradient with sign(0) = 0). Same errors as `lineLoss`.
 */
export function lineLossGradient(
  m: number,
  b: number,
  xs: readonly number[],
  ys: readonly number[],
  loss: LossName,
): { dm: number; db: number } {
  checkLinePoints(xs, ys);
  checkLossName(loss);
  return meanGradient(m, b, xs, ys, loss, allIndices(xs.length));
}

/** `lineLoss` over the points at `indices` only (unchecked). */
export function meanLoss(
  m: number,
  b: number,
  xs: readonly number[],
  ys: readonly number[],
  loss: LossName,
  indices: ArrayLike<number>,
): number {
  let sum = 0;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    sum += residualLoss(m * (xs[i] as number) + b - (ys[i] as number), loss);
  }
  return sum / indices.length;
}

/** `lineLossGradient` over the points at `indices` only (unchecked). */
export function meanGradient(
  m: number,
  b: number,
  xs: readonly number[],
  ys: readonly number[],
  loss: LossName,
  indices: ArrayLike<number>,
): { dm: number; db: number } {
  let dm = 0;
  let db = 0;
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    const x = xs[i] as number;
    const slope = residualLossDerivative(m * x + b - (ys[i] as number), loss);
    dm += slope * x;
    db += slope;
  }
  return { dm: dm / indices.length, db: db / indices.length };
}

/** 0, 1, ..., count - 1. */
export function allIndices(count: number): Int32Array {
  const indices = new Int32Array(count);
  for (let i = 0; i < count; i++) indices[i] = i;
  return indices;
}

/**
 * Checks the data of a line view: `xs` and `ys` arrays of the same, non-zero
 * length holding finite numbers. Throws `InvalidArgumentError` naming the field.
 */
export function checkLinePoints(xs: readonly number[], ys: readonly number[]): void {
  if (!Array.isArray(xs) || xs.length === 0) {
    throw new InvalidArgumentError('xs', 'a non-empty array of finite numbers', xs);
  }
  if (!Array.isArray(ys) || ys.length !== xs.length) {
    throw new InvalidArgumentError('ys', `an array as long as xs (${xs.length})`, ys);
  }
  for (const [name, values] of [
    ['xs', xs],
    ['ys', ys],
  ] as const) {
    values.forEach((value, i) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new InvalidArgumentError(`${name}[${i}]`, 'a finite number', value);
      }
    });
  }
}

/** Throws `InvalidArgumentError` naming `loss` unless it is l1, mse or huber. */
export function checkLossName(loss: LossName): void {
  if (!LINE_LOSSES.includes(loss)) {
    throw new InvalidArgumentError('loss', `one of ${LINE_LOSSES.join(', ')}`, loss);
  }
}
