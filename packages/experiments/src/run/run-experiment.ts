import { type Standardization, scaleColumns, unscaleColumns } from '@epochlab/data';
import type { Mlp } from '@epochlab/models';
import { type BackendChoice, type InitBackendOptions, initBackend } from '@epochlab/tensor';
import type { BestWeights, Divergence, TrainingHistory, TrainingStatus } from '@epochlab/train';
import { parseRunConfig } from '../config/parse-config.js';
import type { DataExperimentConfig } from '../experiments/data-experiment.js';
import type { ExperimentConfig, RunConfig } from '../experiments/experiment-list.js';
import type { ExperimentData, Points } from './experiment-data.js';
import type { DataExperimentEvent, ExperimentEvent } from './experiment-events.js';
import { setUpExperiment } from './experiment-setup.js';
import type { ExperimentSummary } from './experiment-summary.js';
import { experimentWorkload } from './experiment-workload.js';
import { type GivenData, setUpDataExperiment } from './given-data.js';
import type { StreamedDataConfig } from './streamed-data.js';
import { trainSetup } from './train-setup.js';

/** The weights of a run's best validation epoch, as `ExperimentResult.best` holds them. */
export type { BestWeights };

/** Options of `runExperiment`; `Event` is the events a run of that kind of config sends. */
export interface RunExperimentOptions<Event = ExperimentEvent> {
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
  readonly onEvent?: (event: Event) => void;
  /**
   * Called before every epoch; training waits for the promise it returns
   * (pause, resume and single steps in a UI). See `trainModel`'s `beforeEpoch`.
   */
  readonly beforeEpoch?: (epoch: number) => void | Promise<void>;
  /** Minimum milliseconds between two `epoch` events (the last epoch is always sent); default 100. */
  readonly progressIntervalMs?: number;
}

/** What every run returns, whatever its data. The caller owns `model` and disposes it when done. */
export interface RunOutcome {
  readonly backend: BackendChoice;
  readonly status: TrainingStatus;
  readonly history: TrainingHistory;
  readonly summary: ExperimentSummary;
  readonly model: Mlp;
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

/** What `runExperiment` returns for points drawn from a function. */
export interface ExperimentResult extends RunOutcome {
  readonly config: ExperimentConfig;
  readonly data: ExperimentData;
}

/**
 * What `runExperiment` returns for the data experiment. The model works in
 * standardised units when `data.scaling` is set: `predictInUserUnits` and
 * `fitCurve` take it into account.
 */
export interface DataExperimentResult extends RunOutcome {
  /** The config; without points when they were streamed from a file (`runStreamedDataExperiment`). */
  readonly config: DataExperimentConfig | StreamedDataConfig;
  readonly data: GivenData;
}

/**
 * What `runExperiment` returns for a config of type `Input`: a
 * `DataExperimentResult` for the data experiment's config, an
 * `ExperimentResult` for the others, either for a `RunConfig`. A config
 * typed `unknown` gives an `ExperimentResult`: validate it with
 * `parseRunConfig` first to get its precise type.
 */
export type RunResultOf<Input> = Input extends { readonly experiment: 'data' }
  ? DataExperimentResult
  : ExperimentResult;

/** The events `runExperiment` sends for a config of type `Input` (see `RunResultOf`). */
export type RunEventOf<Input> = Input extends { readonly experiment: 'data' }
  ? DataExperimentEvent
  : ExperimentEvent;

/**
 * Runs one experiment end to end: validates the config, starts the backend,
 * prepares the data (drawn from the config's seed, training and validation
 * from independent streams; or, for the data experiment, the given points,
 * split and standardised), builds the MLP, trains it with validation and
 * reports progress. The CLI and the web app both call this, and only this.
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
export async function runExperiment<Input>(
  configInput: Input,
  options: RunExperimentOptions<RunEventOf<Input>> = {},
): Promise<RunResultOf<Input>> {
  const config: RunConfig = parseRunConfig(configInput);
  const n = config.experiment === 'data' ? (config.points?.y.length ?? config.batchSize) : config.n;
  const backend = await initBackend(options.backend ?? 'auto', {
    workload: experimentWorkload({ hidden: config.hidden, n }, config.batchSize),
    ...options.backendOptions,
  });
  if (config.experiment === 'data') {
    const setup = setUpDataExperiment(config);
    const outcome = await trainSetup(config, backend, setup, options);
    const result: DataExperimentResult = { config, data: setup.data, ...outcome };
    return result as RunResultOf<Input>;
  }
  const setup = setUpExperiment(config);
  const outcome = await trainSetup(config, backend, setup, options);
  const result: ExperimentResult = { config, data: setup.data, ...outcome };
  return result as RunResultOf<Input>;
}

/**
 * The model's predictions for inputs `x` in the user's units: `x` is
 * standardised with `scaling.inputs` before the model and its outputs are
 * brought back with `scaling.targets`. Without `scaling` it is `model.predict(x)`.
 */
export function predictInUserUnits(
  model: Pick<Mlp, 'predict'>,
  x: readonly number[] | Float32Array,
  scaling: Standardization | undefined,
): Float32Array {
  if (scaling === undefined) return model.predict(x);
  return unscaleColumns(model.predict(scaleColumns(x, scaling.inputs)), scaling.targets);
}

/** What `fitCurve` needs of a result: its points, its model and how the points were scaled. */
export interface FitCurveSource {
  readonly data: {
    readonly train: Points;
    readonly validation: Points | undefined;
    readonly scaling?: Standardization | undefined;
  };
  readonly model: Pick<Mlp, 'predict'>;
}

/**
 * The trained model's curve over the data's x range (training and validation
 * points), `points` evenly spaced x values, in the user's units: what the
 * fit chart draws. Pass `{ data, model: bestModel }` for the curve of the
 * model at its best epoch.
 */
export function fitCurve(result: FitCurveSource, points = 200): { x: number[]; y: number[] } {
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
  return { x, y: Array.from(predictInUserUnits(result.model, x, result.data.scaling)) };
}
