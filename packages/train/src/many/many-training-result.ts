import type { TrainingPathName, TrainingResult } from '../loop/training-result.js';

/** What `trainMany` returns. */
export interface ManyTrainingResult {
  /** One result per run, in the order of `runs`: status, history and summary of each. */
  readonly results: readonly TrainingResult[];
  /**
   * The path every run took: `fused-wasm-simd` or `fused-js` (every run on
   * the fused kernel) or `generic` (tfjs ops), the same for all runs.
   */
  readonly trainingPath: TrainingPathName;
}
