import type { Spec as VegaSpec } from 'vega';
import { compile } from 'vega-lite';
import type { ChartSpec } from '../chart-types.js';
import { withLiveLayout } from './live-layout.js';

/**
 * A chart compiled for `createLiveChart`: the Vega spec (plain JSON, so it can
 * be posted from a worker) and the names of the datasets live updates may change.
 */
export interface CompiledLiveChart {
  readonly vega: VegaSpec;
  /** The Vega-Lite spec's `datasets` keys (`fitChartData`, `lossChartData`...). */
  readonly datasets: readonly string[];
}

/**
 * Compiles a chart's Vega-Lite spec to the Vega spec a live chart runs, its
 * layout recomputed as data arrives (`withLiveLayout`). Vega-Lite's compiler
 * is most of the charts' script and takes tens of milliseconds per chart, so a
 * page can run this in a worker and hand the result to `createLiveChart`
 * (the `compile` option): its main thread then never loads Vega-Lite.
 */
export function compileLiveChart(spec: ChartSpec): CompiledLiveChart {
  return {
    vega: compile(withLiveLayout(spec)).spec,
    datasets: Object.keys(spec.datasets ?? {}),
  };
}
