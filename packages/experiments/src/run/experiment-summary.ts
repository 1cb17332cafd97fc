import type { TrainingResult, TrainingStatus } from '@epochlab/train';
import type { RunConfig } from '../experiments/experiment-list.js';

/**
 * A run in numbers, as written to `summary.json`. Missing values are `null`
 * (no validation set, or training ended before the first value).
 */
export interface ExperimentSummary {
  readonly experiment: RunConfig['experiment'];
  readonly seed: number;
  readonly backend: string;
  readonly status: TrainingStatus;
  readonly parameters: number;
  /** Epochs requested. */
  readonly epochs: number;
  /** Epochs that ran. */
  readonly epochsRun: number;
  readonly finalTrainLoss: number | null;
  readonly finalValLoss: number | null;
  readonly bestValEpoch: number | null;
  readonly bestValLoss: number | null;
  /**
   * The epoch of the model at its best validation epoch (`model-best/`),
   * `null` without validation; the same as `bestValEpoch` once one exists.
   */
  readonly bestEpoch: number | null;
  /**
   * The epoch whose weights the final model holds after early stopping with
   * `restoreBest` put the best ones back; `null` when the final model is the
   * last epoch's.
   */
  readonly restoredBestFromEpoch: number | null;
  /** The epoch whose loss came out NaN or infinite, when `status` is `diverged`. */
  readonly divergedAtEpoch: number | null;
  /** Seconds spent training (data generation and model building excluded). */
  readonly seconds: number;
  readonly epochsPerSecond: number;
  /** Which implementation of the training step ran. */
  readonly trainingPath: string;
  /** Threads the fused path split large steps over (`@epochlab/train`'s `fusedThreads`); 1 for none. */
  readonly trainingThreads: number;
}

/** Builds the summary of a finished run. */
export function summarizeExperiment(
  config: Pick<RunConfig, 'experiment' | 'seed' | 'epochs'>,
  backend: string,
  parameters: number,
  result: TrainingResult,
): ExperimentSummary {
  const s = result.summary;
  return {
    experiment: config.experiment,
    seed: config.seed,
    backend,
    status: result.status,
    parameters,
    epochs: config.epochs,
    epochsRun: s.epochsRun,
    finalTrainLoss: s.finalTrainLoss,
    finalValLoss: s.finalValidationLoss,
    bestValEpoch: s.bestValidationEpoch,
    bestValLoss: s.bestValidationLoss,
    bestEpoch: result.bestWeights?.epoch ?? null,
    restoredBestFromEpoch: s.restoredWeightsFromEpoch,
    divergedAtEpoch: s.divergedAtEpoch,
    seconds: s.seconds,
    epochsPerSecond: s.epochsPerSecond,
    trainingPath: result.trainingPath,
    trainingThreads: result.trainingThreads ?? 1,
  };
}

/** Re-exported for apps that show statuses. */
export type { TrainingStatus };
