import type { Mlp } from '@epochlab/models';
import type { BackendChoice } from '@epochlab/tensor';
import type { TrainingStatus } from '@epochlab/train';
import type { ExperimentConfig } from '../experiments/experiment-list.js';
import type { ExperimentData } from './experiment-data.js';
import type { ExperimentSummary } from './experiment-summary.js';

/** Sent once the backend is up, the data drawn and the model built, before the first epoch. */
export interface ExperimentStartEvent {
  readonly type: 'start';
  readonly config: ExperimentConfig;
  readonly backend: BackendChoice;
  readonly parameterCount: number;
  readonly data: ExperimentData;
  /**
   * The model being trained, for live views (e.g. `model.predict` on epoch
   * events to draw the curve as it learns). Read it between epochs only; do
   * not dispose it or change its weights. `runExperiment` returns it at the end.
   */
  readonly model: Mlp;
}

/** Sent after epochs (throttled: see `RunExperimentOptions.progressIntervalMs`). */
export interface ExperimentEpochEvent {
  readonly type: 'epoch';
  /** The epoch that ended, 0-based. */
  readonly epoch: number;
  readonly epochs: number;
  readonly trainLoss: number;
  /** The latest validation loss so far, if any. */
  readonly valLoss: number | undefined;
  /** The epoch of `valLoss`. */
  readonly valEpoch: number | undefined;
  readonly elapsedSeconds: number;
  readonly epochsPerSecond: number;
}

/** Sent once, after training ends for any reason. */
export interface ExperimentEndEvent {
  readonly type: 'end';
  readonly status: TrainingStatus;
  readonly summary: ExperimentSummary;
}

/** Progress of `runExperiment`, in the order sent: start, epoch..., end. */
export type ExperimentEvent = ExperimentStartEvent | ExperimentEpochEvent | ExperimentEndEvent;
