import { InvalidArgumentError } from '@epochlab/tensor/errors';
import type { CellGrid } from './cell-grid.js';
import { cellNumber, looksNumeric } from './cell-number.js';
import { csvGrid } from './csv-grid.js';
import { SEPARATORS } from './detect-separator.js';
import { jsonGrid } from './json-grid.js';
import type { PointTable, TableReadOptions } from './point-table.js';
import { PointTableError } from './point-table-error.js';
import { columnNames, selectColumns } from './select-columns.js';

/**
 * Reads points from CSV or JSON text: the chosen input and target columns,
 * every cell a finite float32 number. CSV may have a header or not, and use
 * commas, semicolons or tabs (detected when not given); `decimalComma` reads
 * Spanish spreadsheets' `0,5`. JSON is an array of objects or of arrays.
 *
 * Throws `PointTableError` (one line naming the row, the column and what is
 * allowed) for an empty text, a spreadsheet or other binary file, no numeric
 * columns, a non-numeric, NaN or infinite cell, ragged rows and unknown
 * column names; `InvalidArgumentError` for options outside their values.
 *
 * @example
 * const table = parsePointTable('x;y\n0,5;1,2\n1,0;2,1', { decimalComma: true });
 * table.inputs; // Float32Array [0.5, 1]
 */
export function parsePointTable(input: string, options: TableReadOptions = {}): PointTable {
  if (typeof input !== 'string') throw new InvalidArgumentError('text', 'a string', input);
  let text = input;
  const checked = checkOptions(options);
  refuseBinary(text);
  // A spreadsheet's UTF-8 export may start with a byte order mark: not part of the first name.
  text = text.replace(/^\uFEFF/, '');
  const format = checked.format ?? (/^\s*[[{]/.test(text) ? 'json' : 'csv');
  const grid =
    format === 'json'
      ? jsonGrid(text)
      : csvGrid(text, {
          separator: checked.separator,
          decimalComma: checked.decimalComma,
          header: checked.header,
        });
  refuseTextOnly(grid, checked.decimalComma);
  if (grid.rows.length === 0) {
    throw new PointTableError({
      code: 'noDataRows',
      row: 1,
      what: 'there is a header row and no data rows',
      allowed: 'at least one row of numbers after the header',
    });
  }
  const names = columnNames(grid);
  try {
    const { inputs, targets } = selectColumns(grid, options.x, options.y);
    return {
      rows: grid.rows.length,
      columns: names,
      inputNames: inputs.map((column) => names[column] as string),
      targetNames: targets.map((column) => names[column] as string),
      inputs: columnValues(grid, inputs, names, checked.decimalComma),
      targets: columnValues(grid, targets, names, checked.decimalComma),
    };
  } catch (error) {
    // The columns are known by now: an app offers them even when the chosen ones do not read.
    if (PointTableError.isInstance(error)) {
      throw new PointTableError({ ...error.problem, columns: names });
    }
    throw error;
  }
}

function checkOptions(options: TableReadOptions): TableReadOptions & { decimalComma: boolean } {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError('options', 'an object of table read options', options);
  }
  const { format, separator, decimalComma, header } = options;
  if (format !== undefined && format !== 'csv' && format !== 'json') {
    throw new InvalidArgumentError('format', "'csv' or 'json'", format);
  }
  if (separator !== undefined && !(SEPARATORS as readonly unknown[]).includes(separator)) {
    throw new InvalidArgumentError('separator', "',', ';' or a tab ('\\t')", separator);
  }
  if (decimalComma !== undefined && typeof decimalComma !== 'boolean') {
    throw new InvalidArgumentError('decimalComma', 'true or false', decimalComma);
  }
  if (decimalComma === true && separator === ',') {
    throw new InvalidArgumentError(
      'separator',
      "';' or a tab when decimalComma is true (a comma cannot separate cells and decimals)",
      separator,
    );
  }
  if (header !== undefined && typeof header !== 'boolean') {
    throw new InvalidArgumentError('header', 'true or false', header);
  }
  return { ...options, decimalComma: decimalComma ?? false };
}

/** Refuses binary content (a spreadsheet, a zip, an image) before trying to read it as text. */
function refuseBinary(text: string): void {
  const start = text.slice(0, 4096);
  const binary =
    start.startsWith('PK\u0003\u0004') || start.includes('\u0000') || start.includes('\uFFFD');
  if (binary) {
    throw new PointTableError({
      code: 'wrongFileType',
      what: `the content is binary${start.startsWith('PK') ? ' (a zip or a spreadsheet such as .xlsx or .ods)' : ''}, not text`,
      allowed: 'CSV or JSON text (export a spreadsheet as CSV)',
    });
  }
}

const ROWS_LOOKED_AT = 10;

/** Refuses a table without a single number in its first data rows. */
function refuseTextOnly(grid: CellGrid, decimalComma: boolean): void {
  if (grid.rows.length === 0) return;
  const numeric = grid.rows
    .slice(0, ROWS_LOOKED_AT)
    .some((cells) =>
      cells.some(
        (cell) =>
          typeof cell === 'number' ||
          (typeof cell === 'string' && looksNumeric(cell, decimalComma)),
      ),
    );
  if (!numeric) {
    throw new PointTableError({
      code: 'noNumericColumns',
      row: grid.rowNumbers[0] as number,
      what: `no column holds numbers${decimalCommaHint(grid, decimalComma)}`,
      allowed: 'columns of numbers, such as x,y then 0.5,1.2',
    });
  }
}

function columnValues(
  grid: CellGrid,
  columns: readonly number[],
  names: readonly string[],
  decimalComma: boolean,
): Float32Array {
  const width = columns.length;
  const values = new Float32Array(grid.rows.length * width);
  grid.rows.forEach((cells, row) => {
    for (let k = 0; k < width; k++) {
      const column = columns[k] as number;
      values[row * width + k] = cellNumber(cells[column], decimalComma, {
        row: grid.rowNumbers[row] as number,
        column: column + 1,
        columnName: names[column] as string,
      });
    }
  });
  return values;
}

/** A hint when the cells look like numbers with a decimal comma and the option is off. */
function decimalCommaHint(grid: CellGrid, decimalComma: boolean): string {
  const looksComma = (cell: unknown) =>
    typeof cell === 'string' && /^\s*[+-]?\d*,\d+\s*$/.test(cell);
  if (decimalComma || !grid.rows.slice(0, ROWS_LOOKED_AT).some((cells) => cells.some(looksComma))) {
    return '';
  }
  return ' (the cells look like decimal commas, such as 0,5: say so with decimalComma / --decimal-comma)';
}
