import { InvalidArgumentError, type tf } from '@epochlab/tensor';
import { EventGate } from '../callbacks/event-gate.js';
import type { BatchSource } from '../loop/batch-source.js';
import { createTrainingPath } from '../loop/create-training-path.js';
import { type ResolvedTrainOptions, resolveTrainOptions } from '../loop/resolve-train-options.js';
import { summarize } from '../loop/summarize.js';
import type { TrainableModel } from '../loop/trainable-model.js';
import type { PassContext, PassLoss, TrainingPath } from '../loop/training-path.js';
import type {
  Divergence,
  LossPoint,
  TrainingPathName,
  TrainingResult,
  TrainingStatus,
} from '../loop/training-result.js';
import { resolveOptimizerConfig } from '../optimizers/resolve-optimizer-config.js';
import { EventLoopPacer } from '../scheduling/event-loop-pacer.js';
import { checkSameShapes } from './check-same-shapes.js';
import type { ManyTrainingResult } from './many-training-result.js';
import type { ManyEpochEndEvent, ManyRun, TrainManyOptions } from './train-many-options.js';

/** One run's state while `trainMany` trains. */
interface RunState {
  readonly index: number;
  readonly model: TrainableModel;
  readonly train: BatchSource;
  readonly validation: BatchSource | undefined;
  readonly settings: ResolvedTrainOptions;
  readonly history: { readonly train: LossPoint[]; readonly val: LossPoint[] };
  path: TrainingPath | undefined;
  optimizer: tf.Optimizer | undefined;
  status: 'running' | TrainingStatus;
  divergence: Divergence | undefined;
  endedAt: number | undefined;
}

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

function resolveRun(run: ManyRun, index: number, shared: TrainManyOptions): RunState {
  if (typeof run !== 'object' || run === null) {
    throw new InvalidArgumentError(`runs[${index}]`, 'an object with model and train', run);
  }
  let settings: ResolvedTrainOptions;
  try {
    settings = resolveTrainOptions({
      model: run.model,
      train: run.train,
      ...(run.validation === undefined ? {} : { validation: run.validation }),
      epochs: shared.epochs,
      loss: shared.loss,
      optimizer: run.optimizer ?? shared.optimizer,
      ...(shared.validationInterval === undefined
        ? {}
        : { validationInterval: shared.validationInterval }),
      ...(shared.throttle === undefined ? {} : { throttle: shared.throttle }),
      ...(shared.yieldIntervalMs === undefined ? {} : { yieldIntervalMs: shared.yieldIntervalMs }),
      ...(shared.trainingPath === undefined ? {} : { trainingPath: shared.trainingPath }),
    });
  } catch (error) {
    throw forRun(error, index);
  }
  return {
    index,
    model: run.model,
    train: run.train,
    validation: run.validation,
    settings,
    history: { train: [], val: [] },
    path: undefined,
    optimizer: undefined,
    status: 'running',
    divergence: undefined,
    endedAt: undefined,
  };
}

/**
 * Every run's training path: the fused one for all runs when `trainingPath`
 * is `'auto'` and it applies to each (dense MLPs on the cpu or wasm backend),
 * else the generic one for all.
 */
function createPaths(runs: readonly RunState[]): TrainingPathName {
  for (const run of runs) {
    const { path, optimizer } = createTrainingPath(run.model, run.settings);
    run.path = path;
    run.optimizer = optimizer;
  }
  if (runs.every((run) => run.path?.name === 'fused-cpu')) return 'fused-cpu';
  for (const run of runs) {
    if (run.path?.name === 'generic') continue;
    run.path?.dispose();
    const { path, optimizer } = createTrainingPath(run.model, {
      ...run.settings,
      trainingPath: 'generic',
    });
    run.path = path;
    run.optimizer = optimizer;
  }
  return 'generic';
}

/**
 * Trains K models with the same layer sizes and activation side by side, in
 * one loop: for sweeps (seeds, learning rates) and for "run this 16 times and
 * show the spread". Each run has its own model, data and optionally optimizer;
 * `epochs`, `loss`, `validationInterval`, `signal` and events are shared.
 *
 * Every epoch, each run still training takes its steps (and, on validation
 * epochs, its validation pass), one run after the other, on one event-loop
 * pacer. On the cpu and wasm backends, when every model is a dense MLP, every
 * run takes the fused path; the results equal K separate `trainModel` runs.
 * A run whose loss comes out NaN or infinite ends alone with status
 * `diverged`; the others go on. Aborting `signal` ends every run still
 * training with status `aborted`, each keeping every epoch whose steps all
 * ran. Early stopping, `beforeEpoch` and batch events are `trainModel`'s only.
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
  const states = runs.map((run, index) => resolveRun(run, index, options));
  checkSameShapes(states.map((state) => state.model));
  const first = states[0] as RunState;
  const settings = first.settings;

  const startedAt = performance.now();
  const elapsedSeconds = (now = performance.now()) => (now - startedAt) / 1000;
  const pacer = new EventLoopPacer(settings.yieldIntervalMs);
  const context: PassContext = { signal: options.signal, pacer, batchEvents: undefined };
  const epochGate = new EventGate(settings.minIntervalMs, settings.everyEpochs);
  const { onEpochEnd, signal } = options;
  const progress = states.map((state) => ({
    get status() {
      return state.status;
    },
    history: state.history,
  }));
  const epochEvent = (epoch: number): ManyEpochEndEvent => ({
    epoch,
    epochs: settings.epochs,
    elapsedSeconds: elapsedSeconds(),
    runs: progress,
  });
  const syncAll = () => {
    for (const state of states) state.path?.syncWeights?.();
  };
  const end = (state: RunState, status: TrainingStatus, divergence?: Divergence) => {
    state.status = status;
    state.divergence = divergence;
    state.endedAt = performance.now();
  };

  let trainingPath: TrainingPathName = 'generic';
  try {
    trainingPath = createPaths(states);
    let active: RunState[] = [...states];
    let lastEpoch = -1;
    let interrupted = false;
    for (let epoch = 0; epoch < settings.epochs && active.length > 0; epoch++) {
      if (signal?.aborted) {
        interrupted = true;
        break;
      }
      const trained = await trainEachRun(active, epoch, context);
      if (trained === undefined) {
        interrupted = true;
        break;
      }
      let aborted = false;
      for (let position = 0; position < active.length; position++) {
        const state = active[position] as RunState;
        const outcome = await finishEpoch(
          state,
          epoch,
          trained[position] as NonNullable<PassLoss>,
          context,
        );
        if (outcome === 'aborted') {
          aborted = true;
          break;
        }
        if (outcome !== undefined) end(state, 'diverged', outcome);
      }
      if (aborted) {
        interrupted = true;
        break;
      }
      lastEpoch = epoch;
      active = active.filter((state) => state.status === 'running');
      if (onEpochEnd !== undefined && epochGate.admit(epoch, performance.now())) {
        syncAll();
        await onEpochEnd(epochEvent(epoch));
      }
    }
    for (const state of states) {
      if (state.status !== 'running') continue;
      end(state, interrupted ? 'aborted' : 'completed');
    }
    syncAll();
    if (epochGate.takeHeldBack() && onEpochEnd !== undefined && lastEpoch >= 0) {
      await onEpochEnd(epochEvent(lastEpoch));
    }
  } finally {
    for (const state of states) {
      state.path?.dispose();
      state.optimizer?.dispose();
    }
  }

  const finishedAt = performance.now();
  const results = states.map((state): TrainingResult => {
    const status = state.status === 'running' ? 'aborted' : state.status;
    const summary = summarize({
      history: state.history,
      epochsPlanned: state.settings.epochs,
      seconds: elapsedSeconds(state.endedAt ?? finishedAt),
      divergedAtEpoch: state.divergence?.epoch,
      restoredWeightsFromEpoch: undefined,
    });
    const result: TrainingResult = { status, history: state.history, summary, trainingPath };
    return state.divergence === undefined ? result : { ...result, divergence: state.divergence };
  });
  return { results, trainingPath };
}

/**
 * One training epoch of each run, one run after the other, on each run's own
 * path; `undefined` when the signal cut a pass short.
 */
async function trainEachRun(
  states: readonly RunState[],
  epoch: number,
  context: PassContext,
): Promise<PassLoss[] | undefined> {
  const losses: PassLoss[] = [];
  for (const state of states) {
    try {
      const trained = await (state.path as TrainingPath).trainEpoch(epoch, state.train, context);
      if (trained === undefined) return undefined;
      losses.push(trained);
    } catch (error) {
      throw forRunBatch(error, state.index);
    }
  }
  return losses;
}

/**
 * The rest of one run's epoch after its steps: records the train loss, then
 * runs the validation pass on validation epochs. Returns `'aborted'` when the
 * signal cut the pass short, the divergence when a loss came out non-finite
 * (not recorded), else undefined.
 */
async function finishEpoch(
  state: RunState,
  epoch: number,
  trained: NonNullable<PassLoss>,
  context: PassContext,
): Promise<Divergence | 'aborted' | undefined> {
  if (!Number.isFinite(trained.meanLoss)) {
    return { epoch, phase: 'train', loss: trained.meanLoss };
  }
  state.history.train.push({ epoch, loss: trained.meanLoss });
  const { validation } = state;
  if (validation === undefined || epoch % state.settings.validationInterval !== 0) {
    return undefined;
  }
  let evaluated: PassLoss;
  try {
    evaluated = await (state.path as TrainingPath).evaluate(epoch, validation, context);
  } catch (error) {
    throw forRunBatch(error, state.index);
  }
  if (evaluated === undefined) return 'aborted';
  if (!Number.isFinite(evaluated.meanLoss)) {
    return { epoch, phase: 'val', loss: evaluated.meanLoss };
  }
  state.history.val.push({ epoch, loss: evaluated.meanLoss });
  return undefined;
}

/** A batch check's error (`train batch inputs`, `validation`, ...) renamed for run `index`. */
function forRunBatch(error: unknown, index: number): unknown {
  if (!InvalidArgumentError.isInstance(error)) return error;
  if (!error.parameter.startsWith('train') && !error.parameter.startsWith('validation')) {
    return error;
  }
  return new InvalidArgumentError(`runs[${index}].${error.parameter}`, error.allowed, error.value);
}
