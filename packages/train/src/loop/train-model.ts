import { EventGate } from '../callbacks/event-gate.js';
import type {
  EpochEndEvent,
  TrainingCallbacks,
  ValidationEndEvent,
} from '../callbacks/training-events.js';
import { EarlyStoppingMonitor } from '../early-stopping/early-stopping-monitor.js';
import { EventLoopPacer } from '../scheduling/event-loop-pacer.js';
import { createTrainingPath } from './create-training-path.js';
import { resolveTrainOptions } from './resolve-train-options.js';
import { summarize } from './summarize.js';
import type { TrainModelOptions } from './train-options.js';
import type { PassContext } from './training-path.js';
import type { Divergence, LossPoint, TrainingResult, TrainingStatus } from './training-result.js';

/** The live history the loop appends to. */
interface GrowingHistory {
  readonly train: LossPoint[];
  readonly val: LossPoint[];
}

/**
 * Trains `model` on `train` for `epochs` epochs: the notebook's
 * `learning_loop`, and `learning_loop_with_val` when `validation` is given.
 *
 * Every epoch: for every batch of `train.batches(epoch)`, forward, loss,
 * backward and an optimizer step; the epoch's train loss is the mean of its
 * per-batch mean losses. On epochs 0, N, 2N, ... (`validationInterval`, default
 * 10) the validation batches are evaluated without gradients, and their mean
 * loss is recorded with the epoch number.
 *
 * The run ends with a status instead of throwing: `completed`, `stopped-early`
 * (`earlyStopping`), `diverged` (a NaN or infinite loss, which is not
 * recorded) or `aborted` (`signal`; the history holds every epoch whose steps
 * all ran). Bad options throw `InvalidArgumentError` before any work, and a
 * first batch that does not fit the model throws it at the first step.
 *
 * The loop yields to the event loop about every `yieldIntervalMs` (25 ms), so
 * it can run on a UI thread or next to a Ctrl-C handler. The optimizer is
 * created here from its config and disposed at the end; the model's variables
 * keep the trained weights; the tensor count is the same after every epoch.
 *
 * @example
 * const result = await trainModel({
 *   model, train: trainLoader, validation: validationLoader, epochs: 20000,
 *   loss: 'l1', optimizer: { name: 'sgd', learningRate: 1e-3 },
 * });
 * console.log(result.status, result.summary.bestValidationEpoch);
 */
export async function trainModel(options: TrainModelOptions): Promise<TrainingResult> {
  const settings = resolveTrainOptions(options);
  const { model, train, validation, signal } = options;
  const callbacks: TrainingCallbacks = options.callbacks ?? {};
  const startedAt = performance.now();
  const elapsedSeconds = () => (performance.now() - startedAt) / 1000;

  const history: GrowingHistory = { train: [], val: [] };
  const epochGate = new EventGate(settings.minIntervalMs, settings.everyEpochs);
  const validationGate = new EventGate(settings.minIntervalMs, settings.everyEpochs);
  const batchGate = new EventGate(settings.minIntervalMs, 1);
  const pacer = new EventLoopPacer(settings.yieldIntervalMs);
  const onBatchEnd = callbacks.onBatchEnd;
  const trainContext: PassContext = {
    signal,
    pacer,
    batchEvents:
      onBatchEnd === undefined
        ? undefined
        : { wants: (epoch, now) => batchGate.admit(epoch, now), handler: onBatchEnd },
  };
  const validationContext: PassContext = { signal, pacer, batchEvents: undefined };

  const epochEvent = (epoch: number, trainLoss: number, validationLoss: number | undefined) => {
    const elapsed = elapsedSeconds();
    return {
      epoch,
      epochs: settings.epochs,
      trainLoss,
      validationLoss,
      elapsedSeconds: elapsed,
      epochsPerSecond: elapsed > 0 ? (epoch + 1) / elapsed : 0,
      history,
    } satisfies EpochEndEvent;
  };
  const validationEvent = (point: LossPoint, best: LossPoint) =>
    ({
      epoch: point.epoch,
      loss: point.loss,
      bestLoss: best.loss,
      bestEpoch: best.epoch,
      elapsedSeconds: elapsedSeconds(),
      history,
    }) satisfies ValidationEndEvent;

  const { path, optimizer } = createTrainingPath(model, settings);
  const earlyStopping =
    settings.earlyStopping === undefined
      ? undefined
      : new EarlyStoppingMonitor(settings.earlyStopping, model.trainableVariables);

  let status: TrainingStatus = 'completed';
  let divergence: Divergence | undefined;
  let restoredWeightsFromEpoch: number | undefined;
  let bestValidation: LossPoint | undefined;
  try {
    for (let epoch = 0; epoch < settings.epochs; epoch++) {
      if (options.beforeEpoch !== undefined) {
        path.syncWeights?.();
        await options.beforeEpoch(epoch);
      }
      if (signal?.aborted) {
        status = 'aborted';
        break;
      }
      const trained = await path.trainEpoch(epoch, train, trainContext);
      if (trained === undefined) {
        status = 'aborted';
        break;
      }
      const trainLoss = trained.meanLoss;
      if (!Number.isFinite(trainLoss)) {
        status = 'diverged';
        divergence = { epoch, phase: 'train', loss: trainLoss };
        break;
      }
      history.train.push({ epoch, loss: trainLoss });

      let validationLoss: number | undefined;
      if (validation !== undefined && epoch % settings.validationInterval === 0) {
        const evaluated = await path.evaluate(epoch, validation, validationContext);
        if (evaluated === undefined) {
          status = 'aborted';
          break;
        }
        if (!Number.isFinite(evaluated.meanLoss)) {
          status = 'diverged';
          divergence = { epoch, phase: 'val', loss: evaluated.meanLoss };
          break;
        }
        validationLoss = evaluated.meanLoss;
        const point = { epoch, loss: validationLoss };
        history.val.push(point);
        if (bestValidation === undefined || point.loss < bestValidation.loss)
          bestValidation = point;
        if (
          callbacks.onValidationEnd !== undefined &&
          validationGate.admit(epoch, performance.now())
        ) {
          path.syncWeights?.();
          await callbacks.onValidationEnd(validationEvent(point, bestValidation));
        }
      }

      let stop = false;
      if (earlyStopping !== undefined) {
        const monitored = earlyStopping.options.monitor === 'train' ? trainLoss : validationLoss;
        if (monitored !== undefined) {
          // A new best is snapshotted: the variables must hold the current weights.
          const { restoreBestWeights, minDelta } = earlyStopping.options;
          const best = earlyStopping.best;
          if (
            restoreBestWeights !== false &&
            (best === undefined || monitored < best.loss - minDelta)
          )
            path.syncWeights?.();
          stop = earlyStopping.observe(epoch, monitored);
        }
      }
      if (callbacks.onEpochEnd !== undefined && epochGate.admit(epoch, performance.now())) {
        path.syncWeights?.();
        await callbacks.onEpochEnd(epochEvent(epoch, trainLoss, validationLoss));
      }
      if (stop) {
        status = 'stopped-early';
        break;
      }
    }

    path.syncWeights?.();
    restoredWeightsFromEpoch = earlyStopping?.restoreIfAsked(
      status === 'stopped-early' || status === 'diverged',
    );

    // Deliver the last events the throttle held back, so listeners see the final state.
    const lastValidation = history.val.at(-1);
    if (
      validationGate.takeHeldBack() &&
      callbacks.onValidationEnd !== undefined &&
      lastValidation !== undefined
    ) {
      await callbacks.onValidationEnd(
        validationEvent(lastValidation, bestValidation ?? lastValidation),
      );
    }
    const lastTrain = history.train.at(-1);
    if (epochGate.takeHeldBack() && callbacks.onEpochEnd !== undefined && lastTrain !== undefined) {
      const validationLoss =
        lastValidation?.epoch === lastTrain.epoch ? lastValidation.loss : undefined;
      await callbacks.onEpochEnd(epochEvent(lastTrain.epoch, lastTrain.loss, validationLoss));
    }
  } finally {
    earlyStopping?.dispose();
    path.dispose();
    optimizer?.dispose();
  }

  const summary = summarize({
    history,
    epochsPlanned: settings.epochs,
    seconds: elapsedSeconds(),
    divergedAtEpoch: divergence?.epoch,
    restoredWeightsFromEpoch,
  });
  const result: TrainingResult = { status, history, summary, trainingPath: path.name };
  return divergence === undefined ? result : { ...result, divergence };
}
