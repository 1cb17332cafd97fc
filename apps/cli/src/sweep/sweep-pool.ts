import { availableParallelism } from 'node:os';
import type { SweepConfiguration } from '@epochlab/experiments';
import { Tinypool } from 'tinypool';
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
 * taking the next batch when it is free. Resolves when every batch has
 * finished, or, once `signal` is aborted, when the running ones have been
 * stopped (their threads are ended; their configurations are not reported).
 */
export async function runSweepPool(
  batches: readonly (readonly SweepConfiguration[])[],
  options: SweepPoolOptions,
): Promise<void> {
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(), batches.length));
  const pool = new Tinypool({
    filename: new URL('./sweep-worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
  });
  const { signal } = options;
  try {
    await Promise.all(
      batches.map(async (configurations) => {
        const task: SweepTask = { backend: options.backend, seeds: options.seeds, configurations };
        try {
          const result = (await pool.run(task, { signal })) as SweepTaskResult;
          options.onFinished(result); // a batch that finished as the signal came is kept
        } catch (error) {
          if (!signal.aborted) throw error;
        }
      }),
    );
  } finally {
    await pool.destroy();
  }
}
