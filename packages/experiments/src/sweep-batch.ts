/**
 * `@epochlab/experiments/sweep-batch`: what a sweep's worker thread needs,
 * training a batch of configurations. A separate entry point so that each
 * thread loads this and what it imports, not every helper of the package's
 * main entry (comparisons, studies, the lab, line views) that only the apps'
 * main thread uses: every thread pays its start-up before its first batch.
 */
export { type RunSweepBatchOptions, runSweepBatch } from './sweep/run-sweep-batch.js';
export type { SweepConfiguration } from './sweep/sweep-grid.js';
export type { FinishedConfiguration } from './sweep/sweep-results.js';
