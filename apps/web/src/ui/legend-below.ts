import type { ChartSpec } from '@epochlab/plot';

/** Longest legend name that still fits two to a row on a phone ("lote completo (100)"). */
const TWO_COLUMN_NAME = 22;

/**
 * What the y axis (its labels and title) takes of the chart's width, in px: the
 * longest an x-axis title or the chart's title can be and stay over the plot.
 */
const AXIS_ROOM = 70;

/** The legend names of a chart: the domains of its layers' colour scales. */
function legendNames(spec: unknown): string[] {
  const layers = (spec as { layer?: unknown[] }).layer ?? [];
  return layers.flatMap((layer) => {
    const domain = (layer as { encoding?: { color?: { scale?: { domain?: unknown } } } }).encoding
      ?.color?.scale?.domain;
    return [
      ...(Array.isArray(domain) ? domain.filter((name) => typeof name === 'string') : []),
      ...legendNames(layer),
    ];
  });
}

/**
 * The same chart with its legends under the plot: on a phone the plot keeps
 * the screen's width instead of sharing it with a legend. Two entries a row,
 * or one when a name is too long for half the width ("Final model, after
 * 20,000 epochs"), which would push the second column off the chart;
 * `oneColumn` asks for one entry a row whatever the names.
 */
export function legendBelow(spec: ChartSpec, oneColumn = false): ChartSpec {
  const config = (spec.config ?? {}) as Record<string, unknown>;
  const legend = (config.legend ?? {}) as Record<string, unknown>;
  const long = legendNames(spec).some((name) => name.length > TWO_COLUMN_NAME);
  const columns = oneColumn || long ? 1 : 2;
  // Titles no wider than the chart: a longer one (an axis title with its band's note) would widen
  // the drawing past its box and squeeze the plot. Vega ends a cut title with an ellipsis.
  const specWidth = (spec as { width?: unknown }).width;
  const width = typeof specWidth === 'number' ? specWidth : undefined;
  const limits =
    width === undefined
      ? {}
      : {
          axis: { ...((config.axis ?? {}) as object), titleLimit: width - AXIS_ROOM },
          title: { ...((config.title ?? {}) as object), limit: width - AXIS_ROOM },
        };
  return {
    ...spec,
    config: {
      ...config,
      ...limits,
      legend: { ...legend, orient: 'bottom', direction: 'horizontal', columns },
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
export function legendsBelow(spec: ChartSpec, oneColumn = false): ChartSpec {
  const layers = ((spec as { layer?: unknown[] }).layer ?? []).map((layer) => {
    const encoding = (layer as { encoding?: Record<string, unknown> }).encoding;
    const fill = encoding?.fill as { legend?: Record<string, unknown> | null } | undefined;
    if (!encoding || !fill?.legend) return layer;
    return {
      ...(layer as object),
      encoding: { ...encoding, fill: { ...fill, legend: { ...fill.legend, ...GRADIENT_ABOVE } } },
    };
  });
  return legendBelow({ ...spec, layer: layers } as ChartSpec, oneColumn);
}
