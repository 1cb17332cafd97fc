import type { ChartSpec } from '@epochlab/plot';
import type { CompiledLiveChart } from '@epochlab/plot/browser';
import type { CompileChartCommand, CompileChartMessage } from './chart-compile-protocol.js';
import { startPageWorker } from './start-page-worker.js';

interface Pending {
  readonly resolve: (chart: CompiledLiveChart) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The page's side of the charts' compiler worker: `compile` is what a live
 * chart takes as its `compile` option (see `createLiveChart`), so Vega-Lite
 * loads and runs in the worker, never on the page. The worker starts with the
 * first chart; one that fails as a whole rejects what was asked of it and is
 * replaced by the next request.
 */
export class ChartCompiler {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  /** @param create Starts the worker (`startPageWorker('charts')` on the page). */
  constructor(private readonly create: () => Worker) {}

  /** The Vega spec of `spec`, compiled in the worker. */
  readonly compile = (spec: ChartSpec): Promise<CompiledLiveChart> =>
    new Promise((resolve, reject) => {
      const id = ++this.nextId;
      this.pending.set(id, { resolve, reject });
      const command: CompileChartCommand = { type: 'compile', id, spec };
      this.current().postMessage(command);
    });

  private current(): Worker {
    if (this.worker) return this.worker;
    const worker = this.create();
    worker.addEventListener('message', (event: MessageEvent<CompileChartMessage>) => {
      const answer = event.data;
      const pending = this.pending.get(answer.id);
      if (!pending) return;
      this.pending.delete(answer.id);
      if (answer.type === 'compiled') pending.resolve(answer.chart);
      else pending.reject(new Error(answer.message));
    });
    const fail = (event: Event) => {
      event.preventDefault(); // each waiting chart gets the reason instead
      if (this.worker !== worker) return;
      worker.terminate();
      this.worker = undefined;
      const reason = event instanceof ErrorEvent ? event.message : event.type;
      for (const { reject } of this.pending.values()) {
        reject(new Error(`the charts' worker failed: ${reason}`));
      }
      this.pending.clear();
    };
    worker.addEventListener('error', fail);
    worker.addEventListener('messageerror', fail);
    this.worker = worker;
    return worker;
  }
}

let pageCompiler: ChartCompiler | undefined;

/** The page's one chart compiler, with its worker started on first use. */
export function compileChartInWorker(spec: ChartSpec): Promise<CompiledLiveChart> {
  pageCompiler ??= new ChartCompiler(() => startPageWorker('charts'));
  return pageCompiler.compile(spec);
}
