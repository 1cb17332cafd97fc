import { Worker } from 'node:worker_threads';
import type { ChartSpec } from '../chart-types.js';
import type { ChartThreadReply, ChartThreadRequest } from './chart-thread-worker.js';

/** One chart as `ChartThread.render` gives it: the SVG text and the PNG bytes of the same layout. */
export interface RenderedChart {
  readonly svg: string;
  readonly png: Uint8Array;
}

/**
 * Renders charts on a worker thread of their own. Started before the work
 * whose results the charts show (a training run), the thread loads Vega and
 * the fonts meanwhile on another core; `render` then lays the charts out and
 * rasterises them there while the caller writes its other files. The SVG and
 * PNG are those of `renderSvg` and `svgToPng`: the same code runs.
 *
 * @example
 * const charts = ChartThread.start();
 * try {
 *   const result = await train();
 *   const [loss] = await charts.render([lossChart({ history: result.history })]);
 * } finally {
 *   await charts.close();
 * }
 */
export class ChartThread {
  private readonly worker: Worker;
  private readonly pending = new Map<
    number,
    { resolve: (charts: RenderedChart[]) => void; reject: (error: Error) => void }
  >();
  private nextId = 0;

  private constructor() {
    this.worker = new Worker(new URL('./chart-thread-worker.js', import.meta.url));
    this.worker.on('message', (reply: ChartThreadReply) => {
      const waiting = this.pending.get(reply.id);
      if (waiting === undefined) return;
      this.pending.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(`chart rendering failed: ${reply.error}`));
      else waiting.resolve(reply.charts);
      if (this.pending.size === 0) this.worker.unref();
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', () => this.failAll(new Error('the chart thread stopped')));
    // An idle thread never keeps the process alive (after the listeners: adding one refs it).
    this.worker.unref();
  }

  /** Starts the thread; it loads Vega and the chart fonts at once. */
  static start(): ChartThread {
    return new ChartThread();
  }

  /** Renders each spec to SVG and PNG (`svgToPng`'s default scale 2): one chart per spec, in order. */
  render<const Specs extends readonly ChartSpec[]>(
    specs: Specs,
  ): Promise<{ -readonly [K in keyof Specs]: RenderedChart }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve: (charts) => resolve(charts as { -readonly [K in keyof Specs]: RenderedChart }),
        reject,
      });
      this.worker.ref();
      this.worker.postMessage({ id, specs } satisfies ChartThreadRequest);
    });
  }

  /** Stops the thread; a render still waiting fails. */
  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
