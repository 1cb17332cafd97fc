import type { TopLevelSpec } from 'vega-lite';

/**
 * A chart as data: a Vega-Lite specification, JSON-serialisable, with every
 * series inline under `datasets`. The Node renderers and the browser live chart
 * take any Vega-Lite spec, so new kinds of chart need no renderer changes.
 */
export type ChartSpec = TopLevelSpec;

/** Paired coordinates: `x[i]` goes with `y[i]`. */
export interface Series {
  readonly x: readonly number[];
  readonly y: readonly number[];
}

/** One entry of a loss history. */
export interface EpochLoss {
  readonly epoch: number;
  readonly loss: number;
}

/** Train loss (usually every epoch) and validation loss (at the epochs it was measured). */
export interface LossHistory {
  readonly train: readonly EpochLoss[];
  readonly val: readonly EpochLoss[];
}

/** Size in pixels of the whole chart, axes, title and legend included. */
export interface ChartSize {
  /** Default 640. */
  width?: number;
  /** Default 400. */
  height?: number;
}
