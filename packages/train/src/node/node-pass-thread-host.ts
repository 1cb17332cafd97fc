import { availableParallelism } from 'node:os';
import { isMainThread, Worker } from 'node:worker_threads';
import type { PassThreadData, PassThreadHost } from '../fused/threads/pass-thread-host.js';
import { sharedPassesModule } from '../fused/threads/shared-passes-module.js';

/** The most threads a run adds to its own by default. */
const MOST_SPARE_THREADS = 3;

/**
 * Pass threads as Node worker threads (`pass-thread-worker.js`, unreferenced:
 * an idle one never keeps the process alive). Spare threads: the cores
 * beyond the caller's, at most {@link MOST_SPARE_THREADS}, from the main
 * thread only; a worker thread is usually one of several training side by
 * side (the CLI's sweep), so it gets none by default.
 */
export const NODE_PASS_THREAD_HOST: PassThreadHost = {
  spareThreads: isMainThread ? Math.min(MOST_SPARE_THREADS, availableParallelism() - 1) : 0,
  passesModule: sharedPassesModule,
  start(data: PassThreadData) {
    const worker = new Worker(new URL('./pass-thread-worker.js', import.meta.url), {
      workerData: data,
    });
    worker.unref();
    // A failed part already sets the shared FAILED word; the error itself is the caller's to see.
    worker.on('error', () => {});
    return { terminate: () => void worker.terminate() };
  },
};
