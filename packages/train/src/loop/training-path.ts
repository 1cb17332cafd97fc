import type { BatchEndEvent, EventHandler } from '../callbacks/training-events.js';
import type { EventLoopPacer } from '../scheduling/event-loop-pacer.js';
import type { BatchSource } from './batch-source.js';
import type { TrainingPathName } from './training-result.js';

/** Batch events, for a path to report step losses through. */
export interface BatchEventSink {
  /** Whether the step about to run at time `now` (ms) will be reported; if so, read its loss. */
  wants(epoch: number, now: number): boolean;
  readonly handler: EventHandler<BatchEndEvent>;
}

/** What a path gets from the loop for one pass over a source. */
export interface PassContext {
  /** Checked before every batch but the first: an aborted pass stops there. */
  readonly signal: AbortSignal | undefined;
  /** Asked after every batch; the path awaits `pacer.yield()` when `pacer.due()`. */
  readonly pacer: EventLoopPacer;
  /** Present when batch events are wanted (training passes only). */
  readonly batchEvents: BatchEventSink | undefined;
}

/** The mean of a pass's per-batch mean losses, or `undefined` when the signal cut it short. */
export type PassLoss = { readonly meanLoss: number; readonly batches: number } | undefined;

/**
 * The seam between the learning loop and the way its steps are computed.
 *
 * The loop (`trainModel`) owns everything between passes: history, validation
 * schedule, events, early stopping, divergence, cancellation. A path owns the
 * steps inside one pass. `generic` runs one tfjs `minimize` per batch on any
 * backend; a fused path (one kernel per step for a known model shape on a
 * given backend) implements this same interface and `trainModel` picks it when
 * it applies.
 */
export interface TrainingPath {
  readonly name: TrainingPathName;
  /**
   * One training epoch: for every batch of `source.batches(epoch)`, forward,
   * loss, backward and an optimizer step. Returns the mean step loss (possibly
   * NaN or infinite; the loop checks), read from the device once per epoch.
   */
  trainEpoch(epoch: number, source: BatchSource, context: PassContext): Promise<PassLoss>;
  /** One validation pass, without gradients and without changing any weight. */
  evaluate(epoch: number, source: BatchSource, context: PassContext): Promise<PassLoss>;
  /**
   * Writes weights the path holds outside the model's variables back to them
   * (a fused path keeps them in typed arrays). The loop calls it before it
   * delivers events, snapshots weights, waits in `beforeEpoch` and ends the
   * run. Paths that update the variables directly leave it out.
   */
  syncWeights?(): void;
  /**
   * The current weights as plain arrays, in the model's `trainableVariables` order, without
   * writing them to the variables. A fused path copies its typed arrays, so keeping the best
   * epoch's weights (a copy at every new best validation loss, thousands in a long run) costs
   * no tensor op; paths without it are snapshotted through the variables.
   */
  copyWeights?(): Float32Array[];
  /** Threads its steps are split over, where more than one (the fused path's `fusedThreads`). */
  readonly threads?: number;
  /** Frees what the path allocated (not the model, not the optimizer); writes back weights first. */
  dispose(): void;
}
