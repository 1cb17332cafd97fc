/**
 * The worker side of `ChartThread`: loads Vega and the chart fonts as soon as
 * the thread starts, then renders each batch of specs it is sent to SVG and
 * PNG, with the same functions as `renderSvg` and `svgToPng` on the main thread.
 */
import { parentPort } from 'node:worker_threads';
import type { ChartSpec } from '../chart-types.js';
import { loadResvg, svgToPng } from './render-png.js';
import { loadVega, renderSvg } from './render-svg.js';

/** A batch of charts to render, as the main thread sends it. */
export interface ChartThreadRequest {
  readonly id: number;
  readonly specs: readonly ChartSpec[];
}

/** A rendered batch (in the order of its specs), or why it failed. */
export type ChartThreadReply =
  | { readonly id: number; readonly charts: { svg: string; png: Uint8Array }[] }
  | { readonly id: number; readonly error: string };

const port = parentPort;
if (port === null) throw new Error('chart-thread-worker.js runs only as a worker thread');

// Loaded now, while the caller works, not with the first chart (which reports a failure to load).
loadVega().catch(() => undefined);
loadResvg().catch(() => undefined);

port.on('message', async ({ id, specs }: ChartThreadRequest) => {
  try {
    const svgs: string[] = [];
    for (const spec of specs) svgs.push(await renderSvg(spec));
    const pngs = await Promise.all(svgs.map((svg) => svgToPng(svg)));
    const charts = svgs.map((svg, i) => ({ svg, png: pngs[i] as Uint8Array }));
    port.postMessage({ id, charts } satisfies ChartThreadReply);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    port.postMessage({ id, error: message } satisfies ChartThreadReply);
  }
});
