import type { TrainingPathName, TrainingResult } from '../loop/training-result.js';

/** What `trainMany` returns. */
export interface ManyTrainingResult {
  /** One result per run, in the order of `runs`: status, history and summary of each. */
  readonly results: readonly TrainingResult[];
  /**
   * The path every run took: `fused-cpu` (all runs' steps in one loop over the
   * fused kernel) or `generic` (tfjs ops, one run's step after the other's).
   */
  readonly trainingPath: TrainingPathName;
}
