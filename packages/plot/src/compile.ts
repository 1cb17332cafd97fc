/**
 * @epochlab/plot/compile: a chart's Vega-Lite spec compiled to the Vega spec a
 * live chart runs, without the Vega runtime: what a page's worker runs so the
 * page itself never loads Vega-Lite (see `createLiveChart`'s `compile` option).
 */
export { type CompiledLiveChart, compileLiveChart } from './spec/compile-live-chart.js';
