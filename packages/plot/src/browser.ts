/**
 * @epochlab/plot/browser: an interactive chart that takes new data while
 * training runs. No Node-only code is reachable from here.
 */

export { createFrameScheduler, type RequestFrame } from './browser/frame-scheduler.js';
export {
  attachLiveUpdates,
  createLiveChart,
  type LiveChart,
  type LiveChartOptions,
} from './browser/live-chart.js';
export type { ChartRow } from './browser/update-queue.js';
export type { CompiledLiveChart } from './spec/compile-live-chart.js';
export { withLiveLayout } from './spec/live-layout.js';
