import type { TrainingHistory } from '@epochlab/train';
import type { ExperimentConfig } from '../experiments/experiment-list.js';
import type { ExperimentSummary } from '../run/experiment-summary.js';

/**
 * One finished run as a comparison sees it: a name to show, its config, its
 * summary and its loss history (what a run folder or a pinned page run holds).
 */
export interface ComparedRun {
  /** How tables and legends name the run (a folder name, "Run 2"). */
  readonly label: string;
  readonly config: ExperimentConfig;
  readonly summary: Pick<
    ExperimentSummary,
    | 'status'
    | 'epochs'
    | 'epochsRun'
    | 'finalTrainLoss'
    | 'finalValLoss'
    | 'bestValLoss'
    | 'bestValEpoch'
    | 'seconds'
  >;
  readonly history: TrainingHistory;
}
