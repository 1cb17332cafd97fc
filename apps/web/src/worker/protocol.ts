import type { ExperimentSummary, RunConfig, TrainingStatus } from '@epochlab/experiments';
import type { EpochLoss, Series as XY } from '@epochlab/plot';
import type { BackendChoice } from '@epochlab/tensor';

/** Loss at one epoch (as in `history.json`) and points as plain numbers: the chart package's types. */
export type { EpochLoss, XY };

/** Page → worker: start a run. Any run still going is stopped first. */
export interface StartCommand {
  readonly type: 'start';
  readonly runId: number;
  readonly config: RunConfig;
  readonly backend: string;
  /** Where the wasm backend's `.wasm` files are served (file name → URL). */
  readonly wasmPaths?: Readonly<Record<string, string>>;
  /** Start paused (the Step button on an idle page starts a run and steps one epoch). */
  readonly paused?: boolean;
  /** Minimum milliseconds between two `progress` messages; default 100. */
  readonly progressIntervalMs?: number;
  /** At most this many epochs per second, to watch a run; absent: as fast as possible. */
  readonly epochsPerSecond?: number;
}

/** Page → worker: control the current run. */
export interface ControlCommand {
  readonly type: 'pause' | 'resume' | 'step' | 'stop';
}

/** Page → worker: change the current run's pace (its numbers stay the same). */
export interface PaceCommand {
  readonly type: 'pace';
  /** At most this many epochs per second; absent: as fast as possible. */
  readonly epochsPerSecond?: number;
}

/** What the page sends to the worker. */
export type WorkerCommand = StartCommand | ControlCommand | PaceCommand;

/** Worker → page: the backend is up, the data drawn and the model built. */
export interface StartedMessage {
  readonly type: 'started';
  readonly runId: number;
  readonly backend: BackendChoice;
  readonly parameterCount: number;
  readonly train: XY;
  readonly validation: XY | undefined;
  /** The noise-free function, sampled over the data's x range. */
  readonly truth: XY;
  /** The untrained model's curve. */
  readonly curve: XY;
  /** The untrained weights (kernel, bias, ... as `Mlp.getWeights()`), for small networks. */
  readonly weights?: readonly Float32Array[];
}

/** Worker → page: epochs since the last progress message, and the curve now. */
export interface ProgressMessage {
  readonly type: 'progress';
  readonly runId: number;
  /** The last epoch that ended (0-based). */
  readonly epoch: number;
  readonly epochs: number;
  /** Every train loss since the previous message, in order. */
  readonly train: readonly EpochLoss[];
  /** Every validation loss since the previous message, in order. */
  readonly val: readonly EpochLoss[];
  readonly curve: XY;
  readonly elapsedSeconds: number;
  readonly epochsPerSecond: number;
  /** The weights now, for small networks (see `StartedMessage.weights`). */
  readonly weights?: readonly Float32Array[];
}

/** Worker → page: the run is paused before `nextEpoch`, or running again. */
export interface StateMessage {
  readonly type: 'paused' | 'resumed';
  readonly runId: number;
  readonly nextEpoch: number;
}

/** The trained model in the TensorFlow.js layers format: `model.json` and its weights file. */
export interface ModelFiles {
  /** `model.json`, whose manifest points at `model.weights.bin`. */
  readonly modelJson: string;
  readonly weights: ArrayBuffer;
}

/** The model at its best validation epoch, as the page shows and downloads it. */
export interface BestModelMessage {
  readonly epoch: number;
  /** Its curve over the same x values as the final `curve`. */
  readonly curve: XY;
  /** `model-best.json`, whose manifest points at `model-best.weights.bin`. */
  readonly model: ModelFiles;
}

/** Worker → page: the run ended (completed, stopped early, diverged or stopped by the user). */
export interface DoneMessage {
  readonly type: 'done';
  readonly runId: number;
  readonly status: TrainingStatus;
  readonly config: RunConfig;
  readonly summary: ExperimentSummary;
  readonly history: { readonly train: readonly EpochLoss[]; readonly val: readonly EpochLoss[] };
  readonly curve: XY;
  readonly model: ModelFiles;
  /** The trained weights, for small networks (see `StartedMessage.weights`). */
  readonly weights?: readonly Float32Array[];
  /**
   * The model at the best validation epoch, when the run kept one that is not
   * the final model (not when early stopping restored it into the final one).
   */
  readonly best?: BestModelMessage;
  /** Tensors alive in the worker after the run was cleaned up (flat across runs: no leaks). */
  readonly tensorsAfter: number;
}

/** Worker → page: the run could not start or failed. */
export interface ErrorMessage {
  readonly type: 'error';
  readonly runId: number;
  readonly message: string;
}

/** What the worker sends to the page. */
export type WorkerMessage =
  | StartedMessage
  | ProgressMessage
  | StateMessage
  | DoneMessage
  | ErrorMessage;

/** Name of the weights file `model.json` refers to. */
export const MODEL_WEIGHTS_FILE = 'model.weights.bin';

/** Name of the weights file `model-best.json` refers to. */
export const BEST_MODEL_WEIGHTS_FILE = 'model-best.weights.bin';
