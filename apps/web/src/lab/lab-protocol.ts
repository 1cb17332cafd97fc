import type {
  BatchSizeGroup,
  BatchSizeGroupInfo,
  BatchSizeLabConfig,
  BatchSizeLabResult,
  LabData,
} from '@epochlab/experiments';
import type { BackendChoice } from '@epochlab/tensor';

/** Page → lab worker: run the whole lab. A lab still running is stopped first. */
export interface LabStartCommand {
  readonly type: 'start';
  readonly runId: number;
  readonly config: BatchSizeLabConfig;
  readonly backend: string;
  /** Where the wasm backend's `.wasm` files are served (file name → URL). */
  readonly wasmPaths?: Readonly<Record<string, string>>;
  /** Minimum milliseconds between two `progress` messages; default 100. */
  readonly progressIntervalMs?: number;
}

/** Page → lab worker: stop the lab (the groups finished so far are kept). */
export interface LabStopCommand {
  readonly type: 'stop';
}

/** What the page sends to the lab worker. */
export type LabCommand = LabStartCommand | LabStopCommand;

/** Worker → page: the backend is up and the data drawn (the line view can be drawn now). */
export interface LabStartedMessage {
  readonly type: 'started';
  readonly runId: number;
  readonly config: BatchSizeLabConfig;
  readonly backend: BackendChoice;
  readonly data: LabData;
  /** The batch sizes, in the config's order. */
  readonly groups: readonly BatchSizeGroupInfo[];
}

/** Worker → page: where training is (throttled). */
export interface LabProgressMessage {
  readonly type: 'progress';
  readonly runId: number;
  /** Index of the batch size being trained, in the config's order. */
  readonly group: number;
  /** The last epoch that ended (0-based). */
  readonly epoch: number;
  readonly epochs: number;
  readonly elapsedSeconds: number;
}

/** Worker → page: every seed of one batch size has trained. */
export interface LabGroupDoneMessage {
  readonly type: 'group-done';
  readonly runId: number;
  readonly group: number;
  readonly result: BatchSizeGroup;
}

/** Worker → page: the lab ended (completed, stopped by the user, or diverged). */
export interface LabDoneMessage {
  readonly type: 'done';
  readonly runId: number;
  readonly result: BatchSizeLabResult;
  /** Tensors alive in the worker after the lab (flat across labs: no leaks). */
  readonly tensorsAfter: number;
}

/** Worker → page: the lab could not start or failed. */
export interface LabErrorMessage {
  readonly type: 'error';
  readonly runId: number;
  readonly message: string;
}

/** What the lab worker sends to the page. */
export type LabMessage =
  | LabStartedMessage
  | LabProgressMessage
  | LabGroupDoneMessage
  | LabDoneMessage
  | LabErrorMessage;
