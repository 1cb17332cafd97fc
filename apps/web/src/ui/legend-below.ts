import type { ChartSpec } from '@epochlab/plot';

/**
 * The same chart with its legends under the plot, two entries a row: on a
 * phone the plot keeps the screen's width instead of sharing it with a legend.
 */
export function legendBelow(spec: ChartSpec): ChartSpec {
  const config = (spec.config ?? {}) as Record<string, unknown>;
  const legend = (config.legend ?? {}) as Record<string, unknown>;
  return {
    ...spec,
    config: {
      ...config,
      legend: { ...legend, orient: 'bottom', direction: 'horizontal', columns: 2 },
    },
  } as ChartSpec;
}

/**
 * The colour scale's gradient above the plot, long enough to read on a phone
 * (under it, beside the series' legend, it would push that legend off screen).
 */
const GRADIENT_ABOVE = { orient: 'top', direction: 'horizontal', gradientLength: 180 } as const;

/**
 * The same chart for a phone with colour scales too: the series' legend goes
 * under the plot and every continuous colour scale (a heatmap's loss) above
 * it as a horizontal gradient, so the plot keeps the width and the colours
 * keep their meaning.
 */
export function legendsBelow(spec: ChartSpec): ChartSpec {
  const layers = ((spec as { layer?: unknown[] }).layer ?? []).map((layer) => {
    const encoding = (layer as { encoding?: Record<string, unknown> }).encoding;
    const fill = encoding?.fill as { legend?: Record<string, unknown> | null } | undefined;
    if (!encoding || !fill?.legend) return layer;
    return {
      ...(layer as object),
      encoding: { ...encoding, fill: { ...fill, legend: { ...fill.legend, ...GRADIENT_ABOVE } } },
    };
  });
  return legendBelow({ ...spec, layer: layers } as ChartSpec);
}
