import type { CellGrid } from './cell-grid.js';
import { looksNumeric } from './cell-number.js';
import { detectSeparator, type Separator } from './detect-separator.js';
import { papaCells } from './papa-cells.js';
import { PointTableError } from './point-table-error.js';
import { raggedRowError } from './ragged-row.js';

/** How `csvGrid` reads the text. */
export interface CsvGridOptions {
  readonly separator: Separator | undefined;
  readonly decimalComma: boolean;
  readonly header: boolean | undefined;
}

/**
 * CSV text as a grid of cells, split by Papa Parse (quotes, escaped quotes,
 * CRLF). Blank lines are skipped; a row with another number of cells than
 * the first is refused with its row number; the header is the first row when
 * `header` says so or, when it is undefined, when a cell of it is not a number.
 */
export function csvGrid(text: string, options: CsvGridOptions): CellGrid {
  const separator = options.separator ?? detectSeparator(text);
  const { rows: lines, quoteError } = papaCells(text, separator);
  if (quoteError) {
    throw new PointTableError({
      code: 'badCsv',
      row: (quoteError.row ?? 0) + 1,
      what: `a quoted cell is not closed (${quoteError.message})`,
      allowed: 'CSV with every opening " closed',
    });
  }
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  lines.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    rows.push(cells);
    rowNumbers.push(index + 1);
  });
  const first = rows[0];
  if (first === undefined) {
    throw new PointTableError({
      code: 'empty',
      what: 'there is nothing to read',
      allowed: 'rows of numbers, such as x,y then 0.5,1.2',
    });
  }
  const width = first.length;
  const hasHeader =
    options.header ?? first.some((cell) => !looksNumeric(cell, options.decimalComma));
  rows.forEach((cells, index) => {
    if (cells.length !== width) {
      throw raggedRowError(rowNumbers[index] as number, cells.length, width, hasHeader, separator);
    }
  });
  return {
    names: hasHeader ? first.map((cell) => cell.trim()) : undefined,
    width,
    rows: hasHeader ? rows.slice(1) : rows,
    rowNumbers: hasHeader ? rowNumbers.slice(1) : rowNumbers,
  };
}
