import { EventLoopPacer } from '../scheduling/event-loop-pacer.js';
import { createTrainingPath } from './create-training-path.js';
import { driveEpochs } from './drive-epochs.js';
import { resolveTrainOptions } from './resolve-train-options.js';
import { RunStepper } from './run-stepper.js';
import type { TrainModelOptions } from './train-options.js';
import type { TrainingResult } from './training-result.js';

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
 * `trainingPath` picks how the steps are computed (see `TrainModelOptions`);
 * `result.trainingPath` names the path that ran. The loop itself (here and in
 * `trainMany`) is one: `driveEpochs` over `RunStepper`s.
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
  const startedAt = performance.now();
  const { path, optimizer } = createTrainingPath(model, settings);
  const run = new RunStepper({
    model,
    train,
    validation,
    settings,
    path,
    signal,
    pacer: new EventLoopPacer(settings.yieldIntervalMs),
    callbacks: options.callbacks ?? {},
    startedAt,
  });
  try {
    await driveEpochs([run], {
      epochs: settings.epochs,
      signal,
      beforeEpoch: options.beforeEpoch,
    });
  } finally {
    run.dispose();
    optimizer?.dispose();
  }
  return run.result(path.name, path.threads);
}
