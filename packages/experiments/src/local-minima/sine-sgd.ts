import { RandomSampler } from '@epochlab/data';
import { type SinePoints, type SineWeights, sineFitGradient, sineFitLoss } from './sine-fit.js';
import { type SineValley, valleyIndexOf } from './sine-fit-valleys.js';

/** Beyond this size of w or a a run counts as diverged: the step size has thrown it out. */
export const DIVERGENCE_LIMIT = 100;

/** Options of `sineSgdRun`. */
export interface SineSgdOptions {
  readonly points: SinePoints;
  readonly start: SineWeights;
  /** Learning rate of plain SGD. */
  readonly lr: number;
  /** Points per mini-batch, 1 to n; n is full-batch gradient descent. */
  readonly batchSize: number;
  /** Passes over the points: n / batchSize steps each (the last batch may be shorter). */
  readonly epochs: number;
  /** Seed of the shuffling order, as `RandomSampler(n, seed)`. */
  readonly seed: number;
  /** The surface's valleys, to follow which one the run is in. */
  readonly valleys: readonly SineValley[];
  /** Keep every step's point (for drawing); off for the many runs of a grid. */
  readonly keepPath?: boolean;
}

/** Where one SGD run ended. */
export interface SineSgdRun {
  readonly seed: number;
  /** The last point (the last finite one when the run diverged). */
  readonly end: SineWeights;
  /** The loss over all the points at `end`. */
  readonly loss: number;
  /** Steps taken. */
  readonly steps: number;
  /** w or a left [-100, 100] or stopped being finite; the run stopped there. */
  readonly diverged: boolean;
  /** The valley of `end` (by |w|), -1 beyond the last one searched. */
  readonly valley: number;
  /** The step from which the run stayed in that valley to the end (0: never left the start's). */
  readonly enteredAtStep: number;
  /** Every point from the start, when `keepPath` was set. */
  readonly path?: readonly SineWeights[];
}

/**
 * Plain SGD on y = a sin(w x) from `start`: each epoch visits the points in
 * the order `RandomSampler(n, seed).order(epoch)`, in consecutive batches of
 * `batchSize` (the last one shorter, PyTorch's `drop_last=False`), and steps
 * `(w, a) -= lr * gradient of the batch's mean squared error`
 * (`sineFitGradient`). Each batch is summed in index order, so a batch of all
 * n points is exactly full-batch gradient descent, whatever the seed.
 */
export function sineSgdRun(options: SineSgdOptions): SineSgdRun {
  const { points, lr, batchSize, epochs, seed, valleys } = options;
  const n = points.xs.length;
  const sampler = new RandomSampler(n, seed);
  let w = options.start.w;
  let a = options.start.a;
  const path: SineWeights[] | undefined = options.keepPath ? [{ w, a }] : undefined;
  let valley = valleyIndexOf(valleys, w);
  let enteredAtStep = 0;
  let steps = 0;
  let diverged = false;
  for (let epoch = 0; epoch < epochs && !diverged; epoch++) {
    const order = batchSize >= n ? undefined : sampler.order(epoch);
    for (let offset = 0; offset < n; offset += batchSize) {
      const batch = order ? order.slice(offset, offset + batchSize).sort() : undefined;
      const gradient = sineFitGradient(w, a, points, batch);
      const nextW = w - lr * gradient.dw;
      const nextA = a - lr * gradient.da;
      if (!(Math.abs(nextW) <= DIVERGENCE_LIMIT && Math.abs(nextA) <= DIVERGENCE_LIMIT)) {
        diverged = true;
        break;
      }
      w = nextW;
      a = nextA;
      steps++;
      path?.push({ w, a });
      const now = valleyIndexOf(valleys, w);
      if (now !== valley) {
        valley = now;
        enteredAtStep = steps;
      }
    }
  }
  return {
    seed,
    end: { w, a },
    loss: sineFitLoss(w, a, points),
    steps,
    diverged,
    valley,
    enteredAtStep,
    ...(path ? { path } : {}),
  };
}
