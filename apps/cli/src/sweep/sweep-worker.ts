// First: the fused path's relaxed SIMD (Node 20), as in the main thread (bin.ts): the same
// float32 products, so a sweep's runs give the numbers `epochlab run` gives.
import '@epochlab/train/enable-relaxed-simd';
import { threadId } from 'node:worker_threads';
import {
  type FinishedConfiguration,
  runSweepBatch,
  type SweepConfiguration,
} from '@epochlab/experiments/sweep-batch';
import { initBackend } from '@epochlab/tensor';
import { type BatchTiming, epochMilliseconds } from './sweep-timeline.js';

/** When this thread had loaded its modules (imports are evaluated before this line). */
const loadedAt = epochMilliseconds();

/** One batch of a sweep, as the main thread sends it to a worker thread. */
export interface SweepTask {
  readonly backend: string;
  readonly seeds: number;
  readonly configurations: readonly SweepConfiguration[];
}

/** A finished batch, the backend that ran it, and when. */
export interface SweepTaskResult {
  readonly backend: string;
  readonly finished: FinishedConfiguration[];
  readonly timing: BatchTiming;
}

let backend: ReturnType<typeof initBackend> | undefined;

/**
 * A worker thread of the sweep pool: starts its backend once, then trains
 * each batch it is given (`runSweepBatch`) and returns plain numbers.
 */
export default async function runSweepTask(task: SweepTask): Promise<SweepTaskResult> {
  const receivedAt = epochMilliseconds();
  backend ??= initBackend(task.backend);
  const choice = await backend;
  const trainingStartedAt = epochMilliseconds();
  const finished = await runSweepBatch(task.configurations, task.seeds);
  return {
    backend: choice.name,
    finished,
    timing: {
      thread: threadId,
      loadedAt,
      receivedAt,
      trainingStartedAt,
      endedAt: epochMilliseconds(),
      configurations: task.configurations.map((configuration) => configuration.index),
      runs: task.configurations.length * task.seeds,
    },
  };
}
