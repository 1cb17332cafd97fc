/**
 * The one Web Worker script of every page: the training run, the batch-size
 * lab, the local-minima study, the hardware measurement and the charts'
 * compiler. A page names the part it needs (`new Worker(url, { name })`, see
 * `WorkerPart`) and only that part's modules load. One script bundles each
 * vendor chunk (tfjs, zod, Vega-Lite) once for all of them, where a script per
 * page gave each its own copies.
 */
import { type HoldingScope, holdMessages } from './held-messages.js';
import type { CommandScope } from './serve-commands.js';

type Serve = (scope: CommandScope<never, unknown>) => void;

const PARTS = {
  training: () => import('./training-worker.js'),
  lab: () => import('../lab/lab-worker.js'),
  minima: () => import('../minima/minima-worker.js'),
  hardware: () => import('../hardware/hardware-worker.js'),
  charts: () => import('./chart-compile-worker.js'),
} as const;

/** The parts of the worker script a page can ask for by name. */
export type WorkerPart = keyof typeof PARTS;

const workerScope = self as unknown as HoldingScope<never, unknown> & { readonly name: string };
const scope = holdMessages(workerScope);
const part = PARTS[workerScope.name as WorkerPart];
if (part === undefined) {
  throw new Error(`worker name must be one of ${Object.keys(PARTS).join(', ')}`);
}
part().then(
  ({ serve }) => (serve as Serve)(scope),
  (error: unknown) => {
    // Thrown from a task of its own, the failure reaches the page as the worker's `error` event
    // (a rejected promise would not), and the page's RestartableWorker reports it.
    setTimeout(() => {
      throw error;
    });
  },
);
