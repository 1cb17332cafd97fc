import { ChartInputError } from '../errors.js';

/**
 * `rows` thinned to at most `max` evenly spaced indices, the first and last
 * kept (for random data, a uniform sample): what keeps a chart of a million
 * points as fast to draw as one of a thousand.
 */
export function thinRows<T>(rows: T[], max: number): T[] {
  if (rows.length <= max) return rows;
  return Array.from(
    { length: max },
    (_, i) => rows[Math.round((i * (rows.length - 1)) / (max - 1))] as T,
  );
}

/** `maxPointsPerSeries` of a point chart, checked: an integer of at least 2. */
export function maxPointsOption(value: number): number {
  if (!Number.isInteger(value) || value < 2) {
    throw new ChartInputError('maxPointsPerSeries', 'an integer of at least 2', value);
  }
  return value;
}

/**
 * A chart's subtitle: its `notes`, then `template` (with `{shown}` and
 * `{total}` filled in) when thinning left out some of the points.
 */
export function thinnedSubtitle(
  notes: readonly string[] | undefined,
  template: string,
  shown: number,
  total: number,
): string[] {
  const subtitle = [...(notes ?? [])];
  if (shown < total) {
    subtitle.push(
      template
        .replace('{shown}', shown.toLocaleString('en-US'))
        .replace('{total}', total.toLocaleString('en-US')),
    );
  }
  return subtitle;
}
