import type { ChartSize, EpochLoss, Series } from '../chart-types.js';
import { ChartInputError } from '../errors.js';
import { defaultChartSize } from './theme.js';

/** A plotted point, as stored in a chart's datasets. */
export interface XY {
  x: number;
  y: number;
}

/**
 * Copies a series into fresh `{ x, y }` rows. Throws `ChartInputError` naming the
 * field when `x` and `y` differ in length or a coordinate is not a finite number.
 */
export function seriesRows(series: Series, field: string): XY[] {
  if (
    typeof series !== 'object' ||
    series === null ||
    !Array.isArray(series.x) ||
    !Array.isArray(series.y)
  ) {
    throw new ChartInputError(field, 'an object with number arrays x and y', series);
  }
  const { x, y } = series;
  if (x.length !== y.length) {
    throw new ChartInputError(`${field}.y`, `as long as ${field}.x (${x.length})`, y);
  }
  return x.map((xi, i) => ({
    x: finite(xi, `${field}.x[${i}]`),
    y: finite(y[i], `${field}.y[${i}]`),
  }));
}

/**
 * Copies loss entries into fresh `{ epoch, loss }` rows, keeping only losses
 * that can be drawn: finite ones, and on a log scale only positive ones (a
 * diverged run's `NaN` or `Infinity` losses are left out, the rest still shows).
 * Throws `ChartInputError` when an epoch is not finite or is smaller than the
 * epoch before it.
 */
export function lossRows(
  entries: readonly EpochLoss[],
  field: string,
  positiveOnly: boolean,
): EpochLoss[] {
  if (!Array.isArray(entries)) {
    throw new ChartInputError(field, 'an array of { epoch, loss }', entries);
  }
  const rows: EpochLoss[] = [];
  let previousEpoch = Number.NEGATIVE_INFINITY;
  entries.forEach((entry, i) => {
    const epoch = finite(entry?.epoch, `${field}[${i}].epoch`);
    if (epoch < previousEpoch) {
      throw new ChartInputError(
        `${field}[${i}].epoch`,
        `at least the epoch before it (${previousEpoch})`,
        epoch,
      );
    }
    previousEpoch = epoch;
    const loss = entry.loss;
    if (typeof loss === 'number' && Number.isFinite(loss) && (!positiveOnly || loss > 0)) {
      rows.push({ epoch, loss });
    }
  });
  return rows;
}

/** Width and height in pixels, defaults filled in; each must be a positive finite number. */
export function chartSize(size: ChartSize): { width: number; height: number } {
  const width = size.width ?? defaultChartSize.width;
  const height = size.height ?? defaultChartSize.height;
  for (const [field, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new ChartInputError(field, 'a positive number of pixels', value);
    }
  }
  return { width, height };
}

function finite(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ChartInputError(field, 'a finite number', value);
  }
  return value;
}

/**
 * The name of `items[index]`, checked: a non-empty string that no earlier item
 * has (a legend entry per series). Throws `ChartInputError` naming
 * `<list>[index].name`, e.g. `series[2].name` with "a name no other series has".
 */
export function uniqueName(
  items: readonly unknown[],
  index: number,
  list: string,
  noun: string,
): string {
  const nameOf = (item: unknown) => (item as { name?: unknown } | null | undefined)?.name;
  const name = nameOf(items[index]);
  if (typeof name !== 'string' || name === '') {
    throw new ChartInputError(`${list}[${index}].name`, 'a non-empty string', name);
  }
  if (items.slice(0, index).some((other) => nameOf(other) === name)) {
    throw new ChartInputError(`${list}[${index}].name`, `a name no other ${noun} has`, name);
  }
  return name;
}
