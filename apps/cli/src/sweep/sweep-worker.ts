import {
  type FinishedConfiguration,
  runSweepBatch,
  type SweepConfiguration,
} from '@epochlab/experiments';
import { initBackend } from '@epochlab/tensor';

/** One batch of a sweep, as the main thread sends it to a worker thread. */
export interface SweepTask {
  readonly backend: string;
  readonly seeds: number;
  readonly configurations: readonly SweepConfiguration[];
}

/** A finished batch, and the backend that ran it. */
export interface SweepTaskResult {
  readonly backend: string;
  readonly finished: FinishedConfiguration[];
}

let backend: ReturnType<typeof initBackend> | undefined;

/**
 * A worker thread of the sweep pool: starts its backend once, then trains
 * each batch it is given (`runSweepBatch`) and returns plain numbers.
 */
export default async function runSweepTask(task: SweepTask): Promise<SweepTaskResult> {
  backend ??= initBackend(task.backend);
  const choice = await backend;
  return { backend: choice.name, finished: await runSweepBatch(task.configurations, task.seeds) };
}
