import { ChartInputError } from '../errors.js';

/** How a series is drawn, and so how its legend entry looks. */
export type SeriesSymbol = 'point' | 'diamond' | 'line' | 'dashed-line';

/** One series as the legend shows it. */
export interface LegendEntry {
  readonly label: string;
  readonly color: string;
  readonly symbol: SeriesSymbol;
}

/** A dot of radius 0.3 (3.3 px in the legend, plus the stroke). */
const dotPath = 'M-0.3,0A0.3,0.3,0,1,0,0.3,0A0.3,0.3,0,1,0,-0.3,0Z';

/** A diamond as wide as the dot is, for markers drawn as diamonds (a minimum). */
const diamondPath = 'M0,-0.42L0.42,0L0,0.42L-0.42,0Z';

/** Dash pattern of dashed lines, in pixels (dash, gap). */
export const dashPattern = [6, 4];

/**
 * The colour channel for the layers of one chart: each layer passes its series'
 * label as a `datum`, all layers share one colour scale, and the single legend
 * draws points as dots and lines as (dashed) strokes.
 *
 * Throws `ChartInputError` when two series share a label: the legend could not
 * tell them apart.
 */
export function seriesColor(entries: readonly LegendEntry[], labelsField: string) {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.label)) {
      throw new ChartInputError(labelsField, 'distinct legend names', entry.label);
    }
    seen.add(entry.label);
  }
  const lineLabels = JSON.stringify(
    entries.filter((e) => e.symbol !== 'point' && e.symbol !== 'diamond').map((e) => e.label),
  );
  const diamondLabels = JSON.stringify(
    entries.filter((e) => e.symbol === 'diamond').map((e) => e.label),
  );
  const dashedLabels = JSON.stringify(
    entries.filter((e) => e.symbol === 'dashed-line').map((e) => e.label),
  );
  const isLine = `indexof(${lineLabels}, datum.value) >= 0`;
  const isDashed = `indexof(${dashedLabels}, datum.value) >= 0`;
  const isDiamond = `indexof(${diamondLabels}, datum.value) >= 0`;
  const scale = { domain: entries.map((e) => e.label), range: entries.map((e) => e.color) };
  // Every symbol has the same size and stroke width: Vega sizes the legend's
  // symbol column from them, so they must not depend on the entry. Lines are
  // 'stroke' symbols (sqrt(size) = 22 px long); dots and diamonds are small
  // paths (custom paths are scaled by sqrt(size) / 2 = 11 px per unit), each
  // the shape of its series' marks in the plot.
  const legend = {
    title: null,
    symbolType: 'circle',
    encode: {
      symbols: {
        update: {
          shape: {
            signal: `${isLine} ? 'stroke' : ${isDiamond} ? '${diamondPath}' : '${dotPath}'`,
          },
          size: { value: 484 },
          strokeWidth: { value: 2.5 },
          strokeDash: { signal: `${isDashed} ? [5, 3] : [1, 0]` },
          fillOpacity: { signal: `${isLine} ? 0 : 1` },
        },
      },
    },
  };
  return (label: string) => ({ datum: label, scale, legend });
}
