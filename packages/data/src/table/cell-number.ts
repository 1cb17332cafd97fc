import { describeValue } from '@epochlab/tensor/errors';
import type { TableLocation } from './point-table-error.js';
import { PointTableError } from './point-table-error.js';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;

/** Whether a CSV cell's text reads as a number (finite or not): what header detection asks. */
export function looksNumeric(text: string, decimalComma: boolean): boolean {
  const trimmed = normalise(text.trim(), decimalComma);
  return NUMBER.test(trimmed) || NON_FINITE.test(trimmed);
}

function normalise(text: string, decimalComma: boolean): string {
  return decimalComma ? text.replace(',', '.') : text;
}

/**
 * The float32 value of one cell (CSV text or a JSON value), or a
 * `PointTableError` at `location` saying why it is not one: not a number,
 * NaN or an infinity, or too large for float32.
 */
export function cellNumber(cell: unknown, decimalComma: boolean, location: TableLocation): number {
  let value: number;
  if (typeof cell === 'number') {
    value = cell;
  } else if (typeof cell === 'string') {
    const text = normalise(cell.trim(), decimalComma);
    if (NON_FINITE.test(text)) throw notFinite(cell, location);
    if (!NUMBER.test(text)) throw notANumber(cell, decimalComma, location);
    value = Number(text);
  } else {
    throw notANumber(cell, decimalComma, location);
  }
  const single = Math.fround(value);
  if (!Number.isFinite(single)) throw notFinite(String(cell), location);
  return single;
}

function notANumber(cell: unknown, decimalComma: boolean, location: TableLocation) {
  const text = describeValue(cell);
  const empty = typeof cell === 'string' && cell.trim() === '';
  const hint =
    !decimalComma && typeof cell === 'string' && /^\s*[+-]?\d*,\d+\s*$/.test(cell)
      ? ' (with a decimal comma, say so: decimalComma / --decimal-comma)'
      : '';
  return new PointTableError({
    code: 'notANumber',
    ...location,
    what: empty ? 'the cell is empty' : `${text} is not a number${hint}`,
    allowed: `a number such as ${decimalComma ? '0,5' : '0.5'} or -1.2e3`,
    value: typeof cell === 'string' ? cell : text,
  });
}

function notFinite(text: string, location: TableLocation) {
  return new PointTableError({
    code: 'notFinite',
    ...location,
    what: `${text} is not a finite float32 number`,
    allowed: 'a finite number with |value| <= 3.4e38 (no NaN or Infinity)',
    value: text,
  });
}
