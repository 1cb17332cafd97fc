import { InvalidArgumentError } from '@epochlab/tensor/errors';
import { EventGate } from '../callbacks/event-gate.js';
import type {
  EpochEndEvent,
  TrainingCallbacks,
  ValidationEndEvent,
} from '../callbacks/training-events.js';
import { EarlyStoppingMonitor } from '../early-stopping/early-stopping-monitor.js';
import { WeightSnapshot } from '../early-stopping/weight-snapshot.js';
import type { EventLoopPacer } from '../scheduling/event-loop-pacer.js';
import type { BatchSource } from './batch-source.js';
import type { ResolvedTrainOptions } from './resolve-train-options.js';
import { summarize } from './summarize.js';
import type { TrainableModel } from './trainable-model.js';
import type { PassContext, PassLoss, TrainingPath } from './training-path.js';
import type {
  BestWeights,
  Divergence,
  LossPoint,
  TrainingResult,
  TrainingStatus,
} from './training-result.js';

/** Everything one run brings to the loop. */
export interface RunStepperOptions {
  readonly model: TrainableModel;
  readonly train: BatchSource;
  readonly validation: BatchSource | undefined;
  readonly settings: ResolvedTrainOptions;
  readonly path: TrainingPath;
  readonly signal: AbortSignal | undefined;
  /** Shared by every run of a loop, so that they yield to the event loop together. */
  readonly pacer: EventLoopPacer;
  /** The run's own event handlers (throttled by `settings`). */
  readonly callbacks: TrainingCallbacks;
  /** When the loop started (`performance.now()`), for elapsed times. */
  readonly startedAt: number;
  /**
   * Put before the parameter of a batch error (`train batch inputs`,
   * `validation`, ...), such as `runs[2].` in `trainMany`; default none.
   */
  readonly parameterPrefix?: string;
}

/** The live history the loop appends to. */
interface GrowingHistory {
  readonly train: LossPoint[];
  readonly val: LossPoint[];
}

/**
 * One run's epochs, step by step: the per-run half of the learning loop that
 * `trainModel` (one run) and `trainMany` (K runs) both drive through
 * `driveEpochs`. It owns what belongs to one run: its history, validation
 * schedule, divergence check, early stopping (and best-weights restore), and
 * its epoch, validation and batch events.
 */
export class RunStepper {
  /** `running` until the run ends, then how it ended. */
  status: 'running' | TrainingStatus = 'running';
  readonly history: GrowingHistory = { train: [], val: [] };
  readonly path: TrainingPath;
  private readonly options: RunStepperOptions;
  private readonly trainContext: PassContext;
  private readonly validationContext: PassContext;
  private readonly epochGate: EventGate;
  private readonly validationGate: EventGate;
  private readonly earlyStopping: EarlyStoppingMonitor | undefined;
  private bestValidation: LossPoint | undefined;
  /**
   * With `keepBestWeights`, on a path without `copyWeights`: the weights of `bestValidation`,
   * until `end` reads them.
   */
  private readonly bestSnapshot: WeightSnapshot | undefined;
  /** With `keepBestWeights`, on a path with `copyWeights`: the weights of `bestValidation`. */
  private bestCopy: Float32Array[] | undefined;
  private bestWeights: BestWeights | undefined;
  private divergence: Divergence | undefined;
  private restoredWeightsFromEpoch: number | undefined;
  private endedAt: number | undefined;

  constructor(options: RunStepperOptions) {
    this.options = options;
    this.path = options.path;
    const { settings, signal, pacer, callbacks } = options;
    this.epochGate = new EventGate(settings.minIntervalMs, settings.everyEpochs);
    this.validationGate = new EventGate(settings.minIntervalMs, settings.everyEpochs);
    const batchGate = new EventGate(settings.minIntervalMs, 1);
    const { onBatchEnd } = callbacks;
    this.trainContext = {
      signal,
      pacer,
      batchEvents:
        onBatchEnd === undefined
          ? undefined
          : { wants: (epoch, now) => batchGate.admit(epoch, now), handler: onBatchEnd },
    };
    this.validationContext = { signal, pacer, batchEvents: undefined };
    this.earlyStopping =
      settings.earlyStopping === undefined
        ? undefined
        : new EarlyStoppingMonitor(settings.earlyStopping, options.model.trainableVariables);
    this.bestSnapshot =
      settings.keepBestWeights && options.path.copyWeights === undefined
        ? new WeightSnapshot(options.model.trainableVariables)
        : undefined;
  }

  /** The epoch's training pass; `undefined` when the signal cut it short. */
  async trainPass(epoch: number): Promise<PassLoss> {
    try {
      return await this.path.trainEpoch(epoch, this.options.train, this.trainContext);
    } catch (error) {
      throw this.named(error);
    }
  }

  /**
   * The rest of the epoch after its training pass: records the train loss,
   * validates on validation epochs, checks divergence and early stopping, and
   * delivers the run's events. Sets {@link status} when the run ends here.
   */
  async finishEpoch(epoch: number, trained: NonNullable<PassLoss>): Promise<void> {
    const { settings, validation, callbacks } = this.options;
    const trainLoss = trained.meanLoss;
    if (!Number.isFinite(trainLoss)) {
      this.stop('diverged', { epoch, phase: 'train', loss: trainLoss });
      return;
    }
    this.history.train.push({ epoch, loss: trainLoss });

    let validationLoss: number | undefined;
    if (validation !== undefined && epoch % settings.validationInterval === 0) {
      let evaluated: PassLoss;
      try {
        evaluated = await this.path.evaluate(epoch, validation, this.validationContext);
      } catch (error) {
        throw this.named(error);
      }
      if (evaluated === undefined) {
        this.stop('aborted');
        return;
      }
      if (!Number.isFinite(evaluated.meanLoss)) {
        this.stop('diverged', { epoch, phase: 'val', loss: evaluated.meanLoss });
        return;
      }
      validationLoss = evaluated.meanLoss;
      const point = { epoch, loss: validationLoss };
      this.history.val.push(point);
      if (this.bestValidation === undefined || point.loss < this.bestValidation.loss) {
        this.bestValidation = point;
        this.keepBestWeights();
      }
      if (
        callbacks.onValidationEnd !== undefined &&
        this.validationGate.admit(epoch, performance.now())
      ) {
        this.path.syncWeights?.();
        await callbacks.onValidationEnd(this.validationEvent(point, this.bestValidation));
      }
    }

    const stop = this.observeEarlyStopping(epoch, trainLoss, validationLoss);
    if (callbacks.onEpochEnd !== undefined && this.epochGate.admit(epoch, performance.now())) {
      this.path.syncWeights?.();
      await callbacks.onEpochEnd(this.epochEvent(epoch, trainLoss, validationLoss));
    }
    if (stop) this.stop('stopped-early');
  }

  /**
   * Ends the run (with `status` unless it ended already): writes the path's
   * weights back, restores the best weights when early stopping asks for it,
   * and delivers the last epoch and validation events the throttle held back.
   */
  async end(status: TrainingStatus): Promise<void> {
    if (this.status === 'running') this.stop(status);
    this.path.syncWeights?.();
    this.takeBestWeights();
    this.restoredWeightsFromEpoch = this.earlyStopping?.restoreIfAsked(
      this.status === 'stopped-early' || this.status === 'diverged',
    );
    const { callbacks } = this.options;
    const lastValidation = this.history.val.at(-1);
    if (
      this.validationGate.takeHeldBack() &&
      callbacks.onValidationEnd !== undefined &&
      lastValidation !== undefined
    ) {
      await callbacks.onValidationEnd(
        this.validationEvent(lastValidation, this.bestValidation ?? lastValidation),
      );
    }
    const lastTrain = this.history.train.at(-1);
    if (
      this.epochGate.takeHeldBack() &&
      callbacks.onEpochEnd !== undefined &&
      lastTrain !== undefined
    ) {
      const validationLoss =
        lastValidation?.epoch === lastTrain.epoch ? lastValidation.loss : undefined;
      await callbacks.onEpochEnd(this.epochEvent(lastTrain.epoch, lastTrain.loss, validationLoss));
    }
  }

  /** The run's result, once it has ended; `trainingPath` names what ran. */
  result(trainingPath: TrainingResult['trainingPath'], threads = 1): TrainingResult {
    const status = this.status === 'running' ? 'aborted' : this.status;
    const summary = summarize({
      history: this.history,
      epochsPlanned: this.options.settings.epochs,
      seconds: this.elapsedSeconds(this.endedAt),
      divergedAtEpoch: this.divergence?.epoch,
      restoredWeightsFromEpoch: this.restoredWeightsFromEpoch,
    });
    return {
      status,
      history: this.history,
      summary,
      trainingPath,
      ...(threads > 1 ? { trainingThreads: threads } : {}),
      ...(this.divergence === undefined ? {} : { divergence: this.divergence }),
      ...(this.bestWeights === undefined ? {} : { bestWeights: this.bestWeights }),
    };
  }

  /** Frees the snapshots and the path (writing its weights back first). */
  dispose(): void {
    this.earlyStopping?.dispose();
    this.bestSnapshot?.release();
    this.path.dispose();
  }

  /** A batch error renamed with {@link RunStepperOptions.parameterPrefix}; other errors unchanged. */
  private named(error: unknown): unknown {
    const prefix = this.options.parameterPrefix;
    if (prefix === undefined || !InvalidArgumentError.isInstance(error)) return error;
    const { parameter, allowed, value } = error;
    if (!parameter.startsWith('train') && !parameter.startsWith('validation')) return error;
    return new InvalidArgumentError(`${prefix}${parameter}`, allowed, value);
  }

  /** Reads the best validation epoch's weights out of their snapshot, which is then freed. */
  /** With `keepBestWeights`: remembers the weights of the new best validation loss. */
  private keepBestWeights(): void {
    if (!this.options.settings.keepBestWeights) return;
    if (this.path.copyWeights !== undefined) {
      this.bestCopy = this.path.copyWeights();
      return;
    }
    this.path.syncWeights?.();
    this.bestSnapshot?.capture();
  }

  private takeBestWeights(): void {
    const snapshot = this.bestSnapshot;
    const best = this.bestValidation;
    if (best === undefined) return;
    if (this.bestCopy !== undefined) {
      this.bestWeights = { epoch: best.epoch, loss: best.loss, values: this.bestCopy };
      this.bestCopy = undefined;
      return;
    }
    if (snapshot === undefined || !snapshot.captured) return;
    this.bestWeights = { epoch: best.epoch, loss: best.loss, values: snapshot.read() };
    snapshot.release();
  }

  private stop(status: TrainingStatus, divergence?: Divergence): void {
    this.status = status;
    this.divergence = divergence;
    this.endedAt = performance.now();
  }

  /** Feeds the monitored loss to early stopping; true when the run should stop. */
  private observeEarlyStopping(
    epoch: number,
    trainLoss: number,
    validationLoss: number | undefined,
  ): boolean {
    const { earlyStopping } = this;
    if (earlyStopping === undefined) return false;
    const monitored = earlyStopping.options.monitor === 'train' ? trainLoss : validationLoss;
    if (monitored === undefined) return false;
    // A new best is snapshotted: the variables must hold the current weights.
    const { restoreBestWeights, minDelta } = earlyStopping.options;
    const best = earlyStopping.best;
    if (restoreBestWeights !== false && (best === undefined || monitored < best.loss - minDelta)) {
      this.path.syncWeights?.();
    }
    return earlyStopping.observe(epoch, monitored);
  }

  private elapsedSeconds(now = performance.now()): number {
    return (now - this.options.startedAt) / 1000;
  }

  private epochEvent(
    epoch: number,
    trainLoss: number,
    validationLoss: number | undefined,
  ): EpochEndEvent {
    const elapsed = this.elapsedSeconds();
    return {
      epoch,
      epochs: this.options.settings.epochs,
      trainLoss,
      validationLoss,
      elapsedSeconds: elapsed,
      epochsPerSecond: elapsed > 0 ? (epoch + 1) / elapsed : 0,
      history: this.history,
    };
  }

  private validationEvent(point: LossPoint, best: LossPoint): ValidationEndEvent {
    return {
      epoch: point.epoch,
      loss: point.loss,
      bestLoss: best.loss,
      bestEpoch: best.epoch,
      elapsedSeconds: this.elapsedSeconds(),
      history: this.history,
    };
  }
}
