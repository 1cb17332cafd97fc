import type { LossConfig } from '../losses/loss-function.js';

/**
 * A loss on plain float32 arrays: the mean over `count` elements of a
 * per-element error, and its gradient with respect to the predictions.
 */
export interface FusedLoss {
  /**
   * Returns the mean loss of `predictions` against `targets` (the first
   * `count` elements of each) and writes d(loss)/d(prediction) to `gradient`.
   */
  lossAndGradient(
    predictions: Float32Array,
    targets: Float32Array,
    count: number,
    gradient: Float32Array,
  ): number;
  /** The mean loss only (validation). */
  loss(predictions: Float32Array, targets: Float32Array, count: number): number;
}

/**
 * The fused form of a train-package loss (`l1`, `mse`, `huber`), with the
 * gradients tfjs derives for `createLoss`'s ops: the mean spreads `1/count`
 * over the elements, `abs`'s derivative is `-1` at exactly 0 (tfjs's `step(x, -1)`),
 * Huber's `min(|e|, delta)` passes the gradient where `|e| <= delta`.
 */
export function createFusedLoss(config: LossConfig): FusedLoss {
  switch (config.name) {
    case 'l1':
      return {
        lossAndGradient(predictions, targets, count, gradient) {
          const share = Math.fround(1 / count);
          let sum = 0;
          for (let k = 0; k < count; k++) {
            const error = Math.fround((predictions[k] as number) - (targets[k] as number));
            sum += Math.abs(error);
            gradient[k] = error > 0 ? share : Number.isNaN(error) ? Number.NaN : -share;
          }
          return Math.fround(Math.fround(sum) / count);
        },
        loss(predictions, targets, count) {
          let sum = 0;
          for (let k = 0; k < count; k++) {
            sum += Math.abs(Math.fround((predictions[k] as number) - (targets[k] as number)));
          }
          return Math.fround(Math.fround(sum) / count);
        },
      };
    case 'mse':
      return {
        lossAndGradient(predictions, targets, count, gradient) {
          const share = Math.fround(1 / count);
          let sum = 0;
          for (let k = 0; k < count; k++) {
            const error = Math.fround((predictions[k] as number) - (targets[k] as number));
            sum += Math.fround(error * error);
            gradient[k] = share * Math.fround(error * 2);
          }
          return Math.fround(Math.fround(sum) / count);
        },
        loss(predictions, targets, count) {
          let sum = 0;
          for (let k = 0; k < count; k++) {
            const error = Math.fround((predictions[k] as number) - (targets[k] as number));
            sum += Math.fround(error * error);
          }
          return Math.fround(Math.fround(sum) / count);
        },
      };
    case 'huber': {
      const delta = Math.fround(config.delta ?? 1);
      const huber = (error: number) => {
        const absolute = Math.abs(error);
        const quadratic = Math.min(absolute, delta);
        return Math.fround(
          Math.fround(0.5 * Math.fround(quadratic * quadratic)) +
            Math.fround(delta * Math.fround(absolute - quadratic)),
        );
      };
      return {
        lossAndGradient(predictions, targets, count, gradient) {
          const share = Math.fround(1 / count);
          let sum = 0;
          for (let k = 0; k < count; k++) {
            const error = Math.fround((predictions[k] as number) - (targets[k] as number));
            sum += huber(error);
            const absolute = Math.abs(error);
            // d/d|e|: |e| inside the quadratic zone, delta outside.
            const slope = Math.min(absolute, delta);
            const signed = share * slope;
            gradient[k] = error > 0 ? signed : Number.isNaN(error) ? Number.NaN : -signed;
          }
          return Math.fround(Math.fround(sum) / count);
        },
        loss(predictions, targets, count) {
          let sum = 0;
          for (let k = 0; k < count; k++) {
            sum += huber(Math.fround((predictions[k] as number) - (targets[k] as number)));
          }
          return Math.fround(Math.fround(sum) / count);
        },
      };
    }
  }
}
