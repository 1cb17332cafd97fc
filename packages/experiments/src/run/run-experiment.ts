import type { Mlp } from '@epochlab/models';
import { type BackendChoice, type InitBackendOptions, initBackend } from '@epochlab/tensor';
import {
  type BestWeights,
  type Divergence,
  type TrainingHistory,
  type TrainingStatus,
  trainModel,
} from '@epochlab/train';
import { parseExperimentConfig } from '../config/parse-config.js';
import type { ExperimentConfig } from '../experiments/experiment-list.js';
import type { ExperimentData } from './experiment-data.js';
import type { ExperimentEvent } from './experiment-events.js';
import { setUpExperiment } from './experiment-setup.js';
import { type ExperimentSummary, summarizeExperiment } from './experiment-summary.js';
import { experimentTrainSettings } from './experiment-train-settings.js';
import { experimentWorkload } from './experiment-workload.js';

/** The weights of a run's best validation epoch, as `ExperimentResult.best` holds them. */
export type { BestWeights };

/** Options of `runExperiment`. */
export interface RunExperimentOptions {
  /**
   * Backend name (`auto`, `cpu`, `wasm`, ...), started before training; default
   * `auto`, which weighs the config's model and batch size (`experimentWorkload`):
   * the notebook's small MLP runs on cpu's fused path, not on a GPU.
   */
  readonly backend?: string;
  /** Passed to `initBackend` (e.g. `wasmPaths` in browsers). */
  readonly backendOptions?: InitBackendOptions;
  /** Aborting it stops training; the result then has status `aborted` and the history so far. */
  readonly signal?: AbortSignal;
  /** Receives `start`, `epoch` and `end` events. */
  readonly onEvent?: (event: ExperimentEvent) => void;
  /**
   * Called before every epoch; training waits for the promise it returns
   * (pause, resume and single steps in a UI). See `trainModel`'s `beforeEpoch`.
   */
  readonly beforeEpoch?: (epoch: number) => void | Promise<void>;
  /** Minimum milliseconds between two `epoch` events (the last epoch is always sent); default 100. */
  readonly progressIntervalMs?: number;
}

/** What `runExperiment` returns. The caller owns `model` and disposes it when done. */
export interface ExperimentResult {
  readonly config: ExperimentConfig;
  readonly backend: BackendChoice;
  readonly status: TrainingStatus;
  readonly history: TrainingHistory;
  readonly summary: ExperimentSummary;
  readonly model: Mlp;
  readonly data: ExperimentData;
  /** Where and how the run diverged, when `status` is `diverged`. */
  readonly divergence?: Divergence;
  /**
   * The weights of the best validation epoch (the lowest validation loss,
   * first reached), kept by every run with validation points once one
   * validation loss is recorded: the model before overfitting. Build it with
   * `createBestModel`.
   */
  readonly best?: BestWeights;
}

/**
 * Runs one experiment end to end: validates the config, starts the backend,
 * draws the data from the config's seed (training and validation from
 * independent streams), builds the MLP, trains it with validation and reports
 * progress. The CLI and the web app both call this, and only this.
 *
 * With validation points, the weights of the best validation epoch come back
 * as `best`; with `earlyStopping`, training stops once the validation loss
 * has not improved for `patience` epochs (Keras's `EarlyStopping`, see
 * `docs/early-stopping-and-compare.md`).
 *
 * @example
 * const result = await runExperiment({ experiment: 'line', epochs: 2000 }, { backend: 'cpu' });
 * console.log(result.summary.bestValEpoch);
 * result.model.dispose();
 */
export async function runExperiment(
  configInput: unknown,
  options: RunExperimentOptions = {},
): Promise<ExperimentResult> {
  const config = parseExperimentConfig(configInput);
  const backend = await initBackend(options.backend ?? 'auto', {
    workload: experimentWorkload(config, config.batchSize),
    ...options.backendOptions,
  });
  const { data, model, train, validation, disposeData } = setUpExperiment(config);
  const emit = options.onEvent ?? (() => {});
  try {
    emit({ type: 'start', config, backend, parameterCount: model.parameterCount, data, model });

    const result = await trainModel({
      model,
      train,
      ...(validation ? { validation } : {}),
      ...experimentTrainSettings(config),
      ...(validation ? { keepBestWeights: true } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.beforeEpoch ? { beforeEpoch: options.beforeEpoch } : {}),
      throttle: { minIntervalMs: options.progressIntervalMs ?? 100 },
      callbacks: {
        onEpochEnd: (event) => {
          const lastValidation = event.history.val.at(-1);
          emit({
            type: 'epoch',
            epoch: event.epoch,
            epochs: event.epochs,
            trainLoss: event.trainLoss,
            valLoss: lastValidation?.loss,
            valEpoch: lastValidation?.epoch,
            elapsedSeconds: event.elapsedSeconds,
            epochsPerSecond: event.epochsPerSecond,
          });
        },
      },
    });

    const summary = summarizeExperiment(config, backend.name, model.parameterCount, result);
    emit({ type: 'end', status: result.status, summary });
    return {
      config,
      backend,
      status: result.status,
      history: result.history,
      summary,
      model,
      data,
      ...(result.divergence ? { divergence: result.divergence } : {}),
      ...(result.bestWeights ? { best: result.bestWeights } : {}),
    };
  } catch (error) {
    model.dispose();
    throw error;
  } finally {
    disposeData();
  }
}

/**
 * The trained model's curve over the data's x range (training and validation
 * points), `points` evenly spaced x values: what the fit chart draws. Pass
 * `{ data, model: bestModel }` for the curve of the model at its best epoch.
 */
export function fitCurve(
  result: { readonly data: ExperimentData; readonly model: Pick<Mlp, 'predict'> },
  points = 200,
): { x: number[]; y: number[] } {
  // A loop, not Math.min(...xs): spreading a million points overflows the call stack.
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const xs of [result.data.train.x, result.data.validation?.x ?? []]) {
    for (const x of xs) {
      if (x < low) low = x;
      if (x > high) high = x;
    }
  }
  const x = Array.from({ length: points }, (_, i) =>
    points === 1 ? low : low + ((high - low) * i) / (points - 1),
  );
  return { x, y: Array.from(result.model.predict(x)) };
}
