import type { Mlp } from '@epochlab/models';
import type { BackendChoice } from '@epochlab/tensor';
import type { TrainingStatus } from '@epochlab/train';
import type { DataExperimentConfig } from '../experiments/data-experiment.js';
import type { ExperimentConfig } from '../experiments/experiment-list.js';
import type { ExperimentData } from './experiment-data.js';
import type { ExperimentSummary } from './experiment-summary.js';
import type { GivenData } from './given-data.js';

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

/**
 * The data experiment's start event: its config and the given points, split
 * and with their standardisation (`data.scaling`: the live curve goes through
 * `predictInUserUnits`).
 */
export interface DataExperimentStartEvent extends Omit<ExperimentStartEvent, 'config' | 'data'> {
  readonly config: DataExperimentConfig;
  readonly data: GivenData;
}

/** Progress of `runExperiment` on the data experiment: start, epoch..., end. */
export type DataExperimentEvent =
  | DataExperimentStartEvent
  | ExperimentEpochEvent
  | ExperimentEndEvent;
