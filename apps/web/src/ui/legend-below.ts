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
