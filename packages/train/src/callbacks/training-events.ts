import type { TrainingHistory } from '../loop/training-result.js';

/** Sent after an epoch (and its validation, on validation epochs). */
export interface EpochEndEvent {
  /** The epoch that ended, 0-based. */
  readonly epoch: number;
  /** Epochs requested for the run. */
  readonly epochs: number;
  /** This epoch's mean step loss. */
  readonly trainLoss: number;
  /** This epoch's validation loss, on validation epochs; otherwise undefined. */
  readonly validationLoss: number | undefined;
  /** Seconds since training started. */
  readonly elapsedSeconds: number;
  /** Epochs completed per second so far. */
  readonly epochsPerSecond: number;
  /**
   * The history so far (live: it keeps growing after the event). A UI that
   * was sent fewer events than epochs reads the entries it missed from here.
   */
  readonly history: TrainingHistory;
}

/** Sent after a validation pass. */
export interface ValidationEndEvent {
  /** The epoch validated, 0-based. */
  readonly epoch: number;
  /** The mean validation loss of this pass. */
  readonly loss: number;
  /** The lowest validation loss so far and the epoch that reached it first. */
  readonly bestLoss: number;
  readonly bestEpoch: number;
  /** Seconds since training started. */
  readonly elapsedSeconds: number;
  /** The history so far (live). */
  readonly history: TrainingHistory;
}

/** Sent after a training step, when asked for. */
export interface BatchEndEvent {
  readonly epoch: number;
  /** The step's index within its epoch, 0-based. */
  readonly batch: number;
  /** The step's mean loss. */
  readonly loss: number;
}

/** A handler may return a promise; the loop waits for it before going on. */
export type EventHandler<Event> = (event: Event) => void | Promise<void>;

/** Optional handlers, each throttled by `EventThrottle`. */
export interface TrainingCallbacks {
  readonly onEpochEnd?: EventHandler<EpochEndEvent>;
  readonly onValidationEnd?: EventHandler<ValidationEndEvent>;
  /**
   * Reading a step's loss syncs with the device, so it happens only for the
   * steps whose event will be delivered; throttle it on GPU backends.
   */
  readonly onBatchEnd?: EventHandler<BatchEndEvent>;
}

/**
 * How often events are delivered, so a UI can follow 20000 epochs without
 * drowning. Each kind of event (epoch, validation, batch) is throttled on its
 * own:
 * - an epoch or validation event for epoch `e` is delivered when
 *   `e % everyEpochs === 0` and at least `minIntervalMs` have passed since the
 *   last delivered event of that kind;
 * - a batch event is delivered when at least `minIntervalMs` have passed;
 * - when training ends, the last epoch event and the last validation event are
 *   delivered if they were held back, so a listener always sees the final state.
 *
 * The defaults (`0` and `1`) deliver every event.
 */
export interface EventThrottle {
  /** Minimum milliseconds between two delivered events of the same kind; default 0. */
  readonly minIntervalMs?: number;
  /** Deliver epoch and validation events only for epochs divisible by this; default 1. */
  readonly everyEpochs?: number;
}
