import type { LossPoint } from './work-folder.js';

/**
 * Keras's EarlyStopping rule, by hand, on a validation history: a loss
 * improves on the best when it is lower by more than `minDelta`; training
 * stops at the first check `patience` or more epochs after the best. Returns
 * the epoch training stops after, or undefined when it never stops.
 */
export function kerasStopEpoch(
  val: readonly LossPoint[],
  patience: number,
  minDelta = 0,
): number | undefined {
  let best: LossPoint | undefined;
  for (const point of val) {
    if (best === undefined || point.loss < best.loss - minDelta) best = point;
    else if (point.epoch - best.epoch >= patience) return point.epoch;
  }
  return undefined;
}
