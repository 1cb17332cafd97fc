import type { CellGrid } from './cell-grid.js';
import { PointTableError } from './point-table-error.js';

const ALLOWED =
  'a JSON array of objects ([{"x": 0.5, "y": 1.2}, ...]) or of arrays ([[0.5, 1.2], ...])';

function badJson(what: string, row?: number): PointTableError {
  return new PointTableError({
    code: 'badJson',
    ...(row === undefined ? {} : { row }),
    what,
    allowed: ALLOWED,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * JSON text as a grid of cells: an array of objects (the first object's keys
 * name the columns; every object must have them) or an array of arrays of
 * one length. Rows are the array's items, counted from 1.
 */
export function jsonGrid(text: string): CellGrid {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badJson(`the text is not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(value)) {
    throw badJson(`the JSON is ${value === null ? 'null' : typeof value}, not an array`);
  }
  const first: unknown = value[0];
  if (first === undefined) {
    throw new PointTableError({ code: 'empty', what: 'the JSON array is empty', allowed: ALLOWED });
  }
  const rowNumbers = value.map((_, index) => index + 1);
  if (Array.isArray(first)) {
    const width = first.length;
    const rows = value.map((item: unknown, index) => {
      if (!Array.isArray(item)) badJsonItem(index, 'an array like the first item');
      const cells = item as unknown[];
      if (cells.length !== width) {
        throw new PointTableError({
          code: 'raggedRow',
          row: index + 1,
          what: `the item has ${cells.length} values, the first item ${width}`,
          allowed: `${width} values in every item`,
        });
      }
      return cells;
    });
    return { names: undefined, width, rows, rowNumbers };
  }
  if (!isRecord(first)) badJsonItem(0, 'an object or an array');
  const names = Object.keys(first as Record<string, unknown>);
  const rows = value.map((item: unknown, index) => {
    if (!isRecord(item)) badJsonItem(index, 'an object like the first item');
    const record = item as Record<string, unknown>;
    return names.map((name) => {
      if (!(name in record)) {
        throw new PointTableError({
          code: 'raggedRow',
          row: index + 1,
          columnName: name,
          what: `the item has no "${name}"`,
          allowed: `every item with the first item's keys (${names.join(', ')})`,
        });
      }
      return record[name];
    });
  });
  return { names, width: names.length, rows, rowNumbers };
}

function badJsonItem(index: number, expected: string): never {
  throw badJson(`the item is not ${expected}`, index + 1);
}
