import type { BandSeries } from '@epochlab/plot';
import { fill } from '../i18n/messages.js';
import type { LabMessages } from './lab-messages.js';

/** The mean width (high - low) of a band over its points; undefined when it has none. */
export function meanBandWidth(series: BandSeries): number | undefined {
  if (series.points.length === 0) return undefined;
  let total = 0;
  for (const point of series.points) total += point.high - point.low;
  return total / series.points.length;
}

/**
 * The names of the narrowest and widest bands by mean width (the first of
 * equals), among series with points; undefined while fewer than two are drawn
 * or all are equally wide (one seed: every band is a line).
 */
export function bandWidthExtremes(
  series: readonly BandSeries[],
): { readonly narrowest: string; readonly widest: string } | undefined {
  const widths = series.flatMap((band) => {
    const width = meanBandWidth(band);
    return width === undefined || !Number.isFinite(width) ? [] : [{ name: band.name, width }];
  });
  if (widths.length < 2) return undefined;
  let narrowest = widths[0] as (typeof widths)[number];
  let widest = narrowest;
  for (const entry of widths) {
    if (entry.width < narrowest.width) narrowest = entry;
    if (entry.width > widest.width) widest = entry;
  }
  if (narrowest.width === widest.width) return undefined;
  return { narrowest: narrowest.name, widest: widest.name };
}

/**
 * What the drawn bands show about the seeds, in words: which batch size's
 * seeds agree most and which least in this run. Computed from the run, not
 * assumed (small batches are noisier per step, yet their seeds may well end
 * closer together than the full batch's). Empty until it can be said.
 */
export function bandWidthText(series: readonly BandSeries[], messages: LabMessages): string {
  const extremes = bandWidthExtremes(series);
  return extremes ? fill(messages.bandWidths, extremes) : '';
}
