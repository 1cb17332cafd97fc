import type { ChartSpec } from '../chart-types.js';

/**
 * The spec with its layout recomputed on every update (Vega's `autosize.resize`).
 * A live chart's axis labels change width as data arrives; without this, the
 * plot keeps the size it had for the first data and clips labels and legends.
 */
export function withLiveLayout(spec: ChartSpec): ChartSpec {
  const autosize =
    typeof spec.autosize === 'object' ? spec.autosize : { type: spec.autosize ?? ('pad' as const) };
  return { ...spec, autosize: { ...autosize, resize: true } } as ChartSpec;
}
