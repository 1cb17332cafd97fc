import type { Separator } from './detect-separator.js';
import { PointTableError } from './point-table-error.js';

const SEPARATOR_NAMES: Record<Separator, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/**
 * The error of a CSV row with another number of cells than the table's
 * columns: it says how many cells the row has and how many the header (or,
 * without one, the first row) has, so the user sees whether a separator is
 * missing or one too many.
 */
export function raggedRowError(
  row: number,
  cells: number,
  width: number,
  hasHeader: boolean,
  separator: Separator,
): PointTableError {
  const reference = hasHeader ? 'the header' : 'the first row';
  return new PointTableError({
    code: 'raggedRow',
    row,
    what: `the row has ${cells} ${cells === 1 ? 'cell' : 'cells'}, ${reference} ${width} (${SEPARATOR_NAMES[separator]}-separated)`,
    allowed: `${width} cells in every row`,
    cells: { found: cells, expected: width, reference: hasHeader ? 'header' : 'firstRow' },
  });
}
