import { InvalidArgumentError } from '@epochlab/tensor/errors';
import { EventGate } from '../callbacks/event-gate.js';
import { type CreatedTrainingPath, createTrainingPath } from '../loop/create-training-path.js';
import { driveEpochs } from '../loop/drive-epochs.js';
import { type ResolvedTrainOptions, resolveTrainOptions } from '../loop/resolve-train-options.js';
import { RunStepper } from '../loop/run-stepper.js';
import { resolveOptimizerConfig } from '../optimizers/resolve-optimizer-config.js';
import { EventLoopPacer } from '../scheduling/event-loop-pacer.js';
import { checkSameShapes } from './check-same-shapes.js';
import type { ManyTrainingResult } from './many-training-result.js';
import type { ManyEpochEndEvent, ManyRun, TrainManyOptions } from './train-many-options.js';

/** Fields that belong to one run; an error about them is reported as `runs[k].<field>`. */
const RUN_FIELDS = ['model', 'train', 'validation', 'optimizer'];

function isRunField(parameter: string): boolean {
  return RUN_FIELDS.some((field) => parameter === field || parameter.startsWith(`${field}.`));
}

/** `error` about run `index`'s own fields, renamed `runs[index].<field>`; other errors unchanged. */
function forRun(error: unknown, index: number): unknown {
  if (!InvalidArgumentError.isInstance(error) || !isRunField(error.parameter)) return error;
  return new InvalidArgumentError(`runs[${index}].${error.parameter}`, error.allowed, error.value);
}

/** A run's options checked (with the shared ones), naming its fields `runs[index].<field>`. */
function resolveRun(run: ManyRun, index: number, shared: TrainManyOptions): ResolvedTrainOptions {
  if (typeof run !== 'object' || run === null) {
    throw new InvalidArgumentError(`runs[${index}]`, 'an object with model and train', run);
  }
  try {
    return resolveTrainOptions({
      model: run.model,
      train: run.train,
      ...(run.validation === undefined ? {} : { validation: run.validation }),
      epochs: shared.epochs,
      loss: shared.loss,
      optimizer: run.optimizer ?? shared.optimizer,
      ...(shared.validationInterval === undefined
        ? {}
        : { validationInterval: shared.validationInterval }),
      ...(shared.earlyStopping === undefined ? {} : { earlyStopping: shared.earlyStopping }),
      ...(shared.keepBestWeights === undefined ? {} : { keepBestWeights: shared.keepBestWeights }),
      ...(shared.throttle === undefined ? {} : { throttle: shared.throttle }),
      ...(shared.yieldIntervalMs === undefined ? {} : { yieldIntervalMs: shared.yieldIntervalMs }),
      ...(shared.trainingPath === undefined ? {} : { trainingPath: shared.trainingPath }),
      ...(shared.fusedPrecision === undefined ? {} : { fusedPrecision: shared.fusedPrecision }),
      ...(shared.fusedFma === undefined ? {} : { fusedFma: shared.fusedFma }),
      // K runs take turns on one thread: one helper each would mostly wait.
      fusedThreads: 1,
    });
  } catch (error) {
    throw forRun(error, index);
  }
}

/**
 * Every run's training path: the fused one for all runs when it applies to
 * each (dense MLPs on the cpu or wasm backend) and `trainingPath` is not
 * `'generic'`, else the generic one for all (with `'fused'`, an error naming
 * the first run it cannot train).
 */
function createPaths(
  runs: readonly ManyRun[],
  settings: readonly ResolvedTrainOptions[],
): CreatedTrainingPath[] {
  const created: CreatedTrainingPath[] = [];
  try {
    for (const [index, run] of runs.entries()) {
      created.push(
        createTrainingPath(run.model, settings[index] as ResolvedTrainOptions, `runs[${index}].`),
      );
    }
    if (created.every(({ path }) => path.name !== 'generic')) return created;
  } catch (error) {
    disposeAll(created);
    throw error;
  }
  disposeAll(created);
  return runs.map((run, index) =>
    createTrainingPath(run.model, {
      ...(settings[index] as ResolvedTrainOptions),
      trainingPath: 'generic',
    }),
  );
}

function disposeAll(created: readonly CreatedTrainingPath[]): void {
  for (const { path, optimizer } of created) {
    path.dispose();
    optimizer?.dispose();
  }
}

/**
 * Trains K models with the same layer sizes and activation side by side, in
 * one loop: for sweeps (seeds, learning rates) and for "run this 16 times and
 * show the spread". Each run has its own model, data and optionally optimizer;
 * `epochs`, `loss`, `validationInterval`, `signal` and events are shared.
 *
 * It drives the loop `trainModel` drives (`driveEpochs`, one `RunStepper` per
 * run): every epoch, each run still training takes its steps, then finishes
 * its epoch (validation, early stopping), one run after the other, on one
 * event-loop pacer. On the cpu and wasm backends, when every model is a dense
 * MLP, every run takes the fused path; the results equal K separate
 * `trainModel` runs. A run whose loss comes out NaN or infinite ends alone
 * with status `diverged`, and one that early stopping ends stops alone; the
 * others go on. Aborting `signal` ends every run still training with status
 * `aborted`, each keeping every epoch whose steps all ran.
 *
 * Throws `InvalidArgumentError` before any work when `runs` is empty, a run's
 * fields are bad (`runs[k].model`, `runs[k].optimizer.learningRate`, ...), a
 * shared option is bad (`epochs`, `loss`, ...), or the models' layer sizes or
 * activations differ (`runs[k].model layer sizes`, `runs[k].model activation`).
 *
 * @example
 * const { results, trainingPath } = await trainMany(
 *   seeds.map((seed) => ({ model: models[seed], train: loaders[seed] })),
 *   { epochs: 500, loss: 'l1', optimizer: { name: 'sgd', learningRate: 1e-3 } },
 * );
 * results.map((result) => result.summary.finalTrainLoss); // the spread over seeds
 */
export async function trainMany(
  runs: readonly ManyRun[],
  options: TrainManyOptions,
): Promise<ManyTrainingResult> {
  if (!Array.isArray(runs) || runs.length === 0) {
    throw new InvalidArgumentError('runs', 'a non-empty array of runs', runs);
  }
  // The shared optimizer first, so that an error about it is not reported as one run's.
  resolveOptimizerConfig(options.optimizer);
  const settings = runs.map((run, index) => resolveRun(run, index, options));
  checkSameShapes(runs.map((run) => run.model));
  const shared = settings[0] as ResolvedTrainOptions;

  const startedAt = performance.now();
  const pacer = new EventLoopPacer(shared.yieldIntervalMs);
  const { onEpochEnd, onBatchEnd, signal } = options;
  const created = createPaths(runs, settings);
  const steppers = runs.map(
    (run, index) =>
      new RunStepper({
        model: run.model,
        train: run.train,
        validation: run.validation,
        settings: settings[index] as ResolvedTrainOptions,
        path: (created[index] as CreatedTrainingPath).path,
        signal,
        pacer,
        callbacks:
          onBatchEnd === undefined
            ? {}
            : { onBatchEnd: (event) => onBatchEnd({ ...event, run: index }) },
        startedAt,
        parameterPrefix: `runs[${index}].`,
      }),
  );

  const epochGate = new EventGate(shared.minIntervalMs, shared.everyEpochs);
  const progress = steppers.map((stepper) => ({
    get status() {
      return stepper.status;
    },
    history: stepper.history,
  }));
  const epochEvent = (epoch: number): ManyEpochEndEvent => ({
    epoch,
    epochs: shared.epochs,
    elapsedSeconds: (performance.now() - startedAt) / 1000,
    runs: progress,
  });
  const syncAll = () => {
    for (const stepper of steppers) stepper.path.syncWeights?.();
  };

  try {
    const lastEpoch = await driveEpochs(steppers, {
      epochs: shared.epochs,
      signal,
      beforeEpoch: options.beforeEpoch,
      afterEpoch: async (epoch) => {
        if (onEpochEnd !== undefined && epochGate.admit(epoch, performance.now())) {
          syncAll();
          await onEpochEnd(epochEvent(epoch));
        }
      },
    });
    if (epochGate.takeHeldBack() && onEpochEnd !== undefined && lastEpoch >= 0) {
      await onEpochEnd(epochEvent(lastEpoch));
    }
  } finally {
    for (const stepper of steppers) stepper.dispose();
    for (const { optimizer } of created) optimizer?.dispose();
  }
  // Read after the runs: the fused path settles its precision at the first batch.
  const trainingPath = (created[0] as CreatedTrainingPath).path.name;
  return { results: steppers.map((stepper) => stepper.result(trainingPath)), trainingPath };
}
