import type { Standardization } from '@epochlab/data';
import {
  createBestModel,
  type DataExperimentResult,
  type ExperimentResult,
  predictInUserUnits,
  type RunConfig,
  type RunEventOf,
  type RunExperimentOptions,
  runExperiment,
} from '@epochlab/experiments';
import { type Mlp, toArtifacts } from '@epochlab/models';
import { countTensors } from '@epochlab/tensor';
import { curveXs, dataPoints } from './data-points.js';
import { PaceGate } from './pace-gate.js';
import { PauseGate } from './pause-gate.js';
import {
  BEST_MODEL_WEIGHTS_FILE,
  type BestModelMessage,
  type EpochLoss,
  MODEL_WEIGHTS_FILE,
  type ModelFiles,
  type StartCommand,
  type WorkerCommand,
  type WorkerMessage,
  type XY,
} from './protocol.js';
import { failedRunMessage } from './serve-commands.js';

/**
 * Networks with at most this many parameters send their weights with every
 * progress message, for the page's network diagram (which draws one line
 * per weight up to a few thousand).
 */
export const MAX_SENT_PARAMETERS = 5000;

/** Sends a message to the page (`postMessage` in the worker, a recorder in tests). */
export type PostMessage = (message: WorkerMessage, transfer?: Transferable[]) => void;

interface ActiveRun {
  readonly runId: number;
  readonly controller: AbortController;
  readonly gate: PauseGate;
  readonly pace: PaceGate;
  readonly finished: Promise<void>;
}

/**
 * The worker's side of the protocol: runs one experiment at a time through
 * `runExperiment`, streams batched progress (every epoch's losses, the model's
 * curve at most every `progressIntervalMs`), pauses and steps between epochs,
 * and disposes every tensor of a run when it ends. Independent of the worker
 * global, so tests drive it directly.
 */
export class TrainingSession {
  private active: ActiveRun | undefined;

  constructor(
    private readonly post: PostMessage,
    private readonly run: typeof runExperiment = runExperiment,
  ) {}

  /** Handles one command from the page. Resolves when it has been acted on (a start: when the run ends). */
  async handle(command: WorkerCommand): Promise<void> {
    switch (command.type) {
      case 'start':
        await this.stopActive();
        await this.start(command);
        return;
      case 'pause':
        this.active?.gate.pause();
        return;
      case 'resume':
        this.active?.gate.resume();
        return;
      case 'step':
        this.active?.gate.step();
        return;
      case 'stop':
        await this.stopActive();
        return;
      case 'pace':
        this.active?.pace.setPace(command.epochsPerSecond);
        return;
    }
  }

  private async stopActive(): Promise<void> {
    const active = this.active;
    if (!active) return;
    active.controller.abort();
    active.gate.release();
    await active.finished;
  }

  private start(command: StartCommand): Promise<void> {
    const { runId } = command;
    const controller = new AbortController();
    const gate = new PauseGate(command.paused ?? false);
    // Pacing only waits between epochs: the run's numbers are the same at any pace.
    const pace = new PaceGate(command.epochsPerSecond);
    const interval = command.progressIntervalMs ?? 100;
    const pending = { train: [] as EpochLoss[], val: [] as EpochLoss[] };
    let model: Mlp | undefined;
    // The data experiment's model works in standardised units: its curve is brought back to the user's.
    let scaling: Standardization | undefined;
    let xs: readonly number[] = [];
    let lastEpoch = -1;
    let epochs = command.config.epochs;
    let lastSent = 0;
    let rate = { elapsedSeconds: 0, epochsPerSecond: 0 };

    const curve = (): XY => ({
      x: xs,
      y: model ? Array.from(predictInUserUnits(model, xs, scaling)) : [],
    });
    const weights = () =>
      model && model.parameterCount <= MAX_SENT_PARAMETERS ? { weights: model.getWeights() } : {};
    const flush = () => {
      if (pending.train.length === 0 && pending.val.length === 0) return;
      this.post({
        type: 'progress',
        runId,
        epoch: lastEpoch,
        epochs,
        train: pending.train.splice(0),
        val: pending.val.splice(0),
        curve: curve(),
        ...rate,
        ...weights(),
      });
      lastSent = performance.now();
    };

    const options: RunExperimentOptions<RunEventOf<RunConfig>> = {
      backend: command.backend,
      ...(command.wasmPaths ? { backendOptions: { wasmPaths: { ...command.wasmPaths } } } : {}),
      signal: controller.signal,
      progressIntervalMs: 0,
      beforeEpoch: (epoch) => {
        const wait = gate.beforeEpoch();
        if (!wait) return pace.beforeEpoch(epoch);
        flush();
        this.post({ type: 'paused', runId, nextEpoch: epoch });
        return wait.then(() => {
          pace.restart();
          if (!controller.signal.aborted) this.post({ type: 'resumed', runId, nextEpoch: epoch });
        });
      },
      onEvent: (event) => {
        if (event.type === 'start') {
          model = event.model;
          scaling = 'scaling' in event.data ? event.data.scaling : undefined;
          const points = dataPoints(event.data);
          xs = curveXs(event.data);
          lastSent = performance.now();
          this.post({
            type: 'started',
            runId,
            backend: event.backend,
            parameterCount: event.parameterCount,
            ...points,
            curve: curve(),
            ...weights(),
          });
        } else if (event.type === 'epoch') {
          lastEpoch = event.epoch;
          epochs = event.epochs;
          rate = { elapsedSeconds: event.elapsedSeconds, epochsPerSecond: event.epochsPerSecond };
          pending.train.push({ epoch: event.epoch, loss: event.trainLoss });
          if (event.valEpoch === event.epoch && event.valLoss !== undefined) {
            pending.val.push({ epoch: event.epoch, loss: event.valLoss });
          }
          if (performance.now() - lastSent >= interval) flush();
        }
      },
    };

    const finished = (async () => {
      let result: ExperimentResult | DataExperimentResult | undefined;
      try {
        result = await this.run(command.config, options);
        flush();
        const files = await modelFiles(result.model, MODEL_WEIGHTS_FILE);
        const finalCurve = curve();
        const finalWeights = weights();
        const best =
          result.summary.restoredBestFromEpoch === null
            ? await bestModelMessage(result, xs)
            : undefined;
        result.model.dispose();
        model = undefined;
        this.post(
          {
            type: 'done',
            runId,
            status: result.status,
            // The page sends points inline, never a streamed file: the config is a RunConfig.
            config: result.config as RunConfig,
            summary: result.summary,
            history: result.history,
            curve: finalCurve,
            model: files,
            ...finalWeights,
            ...(best ? { best } : {}),
            tensorsAfter: countTensors(),
          },
          best ? [files.weights, best.model.weights] : [files.weights],
        );
      } catch (error) {
        if (result && !result.model.isDisposed) result.model.dispose();
        this.post(failedRunMessage(runId, error));
      } finally {
        if (this.active?.runId === runId) this.active = undefined;
      }
    })();
    this.active = { runId, controller, gate, pace, finished };
    return finished;
  }
}

/** The model at the run's best validation epoch: its curve over `xs` and its files. */
async function bestModelMessage(
  result: ExperimentResult | DataExperimentResult,
  xs: readonly number[],
): Promise<BestModelMessage | undefined> {
  // The user's points may be standardised for training: the curve is drawn in their units.
  const scaling = 'scaling' in result.data ? result.data.scaling : undefined;
  const bestModel = createBestModel(result);
  if (bestModel === undefined || result.best === undefined) return undefined;
  try {
    return {
      epoch: result.best.epoch,
      curve: { x: xs, y: Array.from(predictInUserUnits(bestModel, xs, scaling)) },
      model: await modelFiles(bestModel, BEST_MODEL_WEIGHTS_FILE),
    };
  } finally {
    bestModel.dispose();
  }
}

/** The model as `model.json` (layers format, manifest pointing at `weightsFile`) and weights. */
async function modelFiles(model: Mlp, weightsFile: string): Promise<ModelFiles> {
  const artifacts = await toArtifacts(model);
  const { weightSpecs, weightData, ...rest } = artifacts;
  const modelJson = JSON.stringify({
    ...rest,
    weightsManifest: [{ paths: [weightsFile], weights: weightSpecs }],
  });
  const weights = weightData instanceof ArrayBuffer ? weightData : new ArrayBuffer(0);
  return { modelJson, weights };
}
