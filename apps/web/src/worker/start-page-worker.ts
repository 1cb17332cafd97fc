import type { WorkerPart } from './page-worker.js';

/**
 * A new worker running `part` of the pages' one worker script (page-worker.ts).
 * Kept as the one `new Worker(new URL(...))` of the app, so the bundler builds
 * that script once, with one copy of each vendor chunk for every page.
 */
export function startPageWorker(part: WorkerPart): Worker {
  return new Worker(new URL('./page-worker.ts', import.meta.url), { type: 'module', name: part });
}
