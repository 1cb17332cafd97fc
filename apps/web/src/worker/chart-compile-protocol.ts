import type { ChartSpec } from '@epochlab/plot';
import type { CompiledLiveChart } from '@epochlab/plot/browser';

/** Page → chart worker: compile this Vega-Lite spec (`id` pairs the answer with it). */
export interface CompileChartCommand {
  readonly type: 'compile';
  readonly id: number;
  readonly spec: ChartSpec;
}

/** Chart worker → page: the compiled chart, or why Vega-Lite refused the spec. */
export type CompileChartMessage =
  | { readonly type: 'compiled'; readonly id: number; readonly chart: CompiledLiveChart }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
