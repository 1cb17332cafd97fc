import { availableParallelism } from 'node:os';
import type { SweepConfiguration } from '@epochlab/experiments';
import { Tinypool } from 'tinypool';
import {
  type BatchTiming,
  epochMilliseconds,
  type SweepTimeline,
  sweepTimeline,
} from './sweep-timeline.js';
import type { SweepTask, SweepTaskResult } from './sweep-worker.js';

/** Options of `runSweepPool`. */
export interface SweepPoolOptions {
  /** Worker threads; default `availableParallelism()` (the cores this process may use). */
  readonly workers?: number;
  readonly seeds: number;
  readonly backend: string;
  /** Aborting it stops every batch still running or waiting; finished ones were already reported. */
  readonly signal: AbortSignal;
  /** Receives each batch as it finishes, in the order they finish. */
  readonly onFinished: (result: SweepTaskResult) => void;
}

/** The default `--workers`: every core this process may use. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Trains the batches on a pool of worker threads (tinypool), each thread
 * taking the next batch, in the order given, when it is free. Resolves when every batch has
 * finished, or, once `signal` is aborted, when the running ones have been
 * stopped (their threads are ended; their configurations are not reported).
 * Returns when each thread started, loaded and trained what (`timings.json`).
 */
export async function runSweepPool(
  batches: readonly (readonly SweepConfiguration[])[],
  options: SweepPoolOptions,
): Promise<SweepTimeline> {
  const startedAt = epochMilliseconds();
  const timings: BatchTiming[] = [];
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(), batches.length));
  const pool = new Tinypool({
    filename: new URL('./sweep-worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
  });
  const { signal } = options;
  let next = 0;
  // One lane per thread, each handing its thread the next batch in order as the last one ends,
  // so batches start in the scheduled order and only `workers` tasks ever wait on the signal.
  const lane = async () => {
    while (!signal.aborted && next < batches.length) {
      const configurations = batches[next++] as readonly SweepConfiguration[];
      const task: SweepTask = { backend: options.backend, seeds: options.seeds, configurations };
      try {
        const result = (await pool.run(task, { signal })) as SweepTaskResult;
        timings.push(result.timing);
        options.onFinished(result); // a batch that finished as the signal came is kept
      } catch (error) {
        if (!signal.aborted) throw error;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: workers }, lane));
    return sweepTimeline(timings, startedAt, epochMilliseconds());
  } finally {
    await pool.destroy();
  }
}
