import { InvalidArgumentError } from '@epochlab/tensor/errors';
import { type CellGrid, unnamedColumn } from './cell-grid.js';
import { PointTableError } from './point-table-error.js';

/** A column choice as `TableReadOptions` takes it: a name, a 0-based index, or a list of them. */
export type ColumnChoice = string | number | readonly (string | number)[];

/** The chosen input and target columns, as indices into the grid's rows. */
export interface ChosenColumns {
  readonly inputs: readonly number[];
  readonly targets: readonly number[];
}

/** The names of a grid's columns: its own, or `column 1`, `column 2`... */
export function columnNames(grid: CellGrid): string[] {
  return Array.from({ length: grid.width }, (_, i) => grid.names?.[i] || unnamedColumn(i));
}

/**
 * The input (`x`) and target (`y`) columns of a grid. A choice is a column
 * name, or a 0-based index (a number, or a text of digits that names no
 * column). Defaults: the first column in, the last column out.
 */
export function selectColumns(
  grid: CellGrid,
  x: ColumnChoice | undefined,
  y: ColumnChoice | undefined,
): ChosenColumns {
  const names = columnNames(grid);
  if (grid.width < 2 && (x === undefined || y === undefined)) {
    throw new PointTableError({
      code: 'columnChoice',
      what: `the table has ${grid.width} column`,
      allowed: 'at least two columns: an input and a target',
    });
  }
  const inputs = x === undefined ? [0] : resolve('x', x, names);
  const targets = y === undefined ? [grid.width - 1] : resolve('y', y, names);
  const both = inputs.find((column) => targets.includes(column));
  if (both !== undefined) {
    throw new PointTableError({
      code: 'columnChoice',
      column: both + 1,
      columnName: names[both] as string,
      what: 'the column is both an input (x) and a target (y)',
      allowed: 'different columns for x and y',
    });
  }
  return { inputs, targets };
}

function resolve(option: 'x' | 'y', choice: ColumnChoice, names: readonly string[]): number[] {
  const list: readonly unknown[] = Array.isArray(choice) ? choice : [choice];
  if (list.length === 0) {
    throw new InvalidArgumentError(option, 'at least one column name or index', choice);
  }
  const columns = list.map((item) => resolveOne(option, item, names));
  const repeated = columns.find((column, k) => columns.indexOf(column) !== k);
  if (repeated !== undefined) {
    throw new InvalidArgumentError(option, 'columns without repeats', choice);
  }
  return columns;
}

function resolveOne(option: 'x' | 'y', item: unknown, names: readonly string[]): number {
  if (typeof item === 'string') {
    const byName = names.indexOf(item);
    if (byName >= 0) return byName;
    if (/^\d+$/.test(item)) return resolveOne(option, Number(item), names);
    throw new PointTableError({
      code: 'unknownColumn',
      columnName: item,
      what: `${option} names no column "${item}"`,
      allowed: `one of ${names.map((name) => JSON.stringify(name)).join(', ')} or a 0-based index from 0 to ${names.length - 1}`,
      value: item,
    });
  }
  if (typeof item === 'number' && Number.isInteger(item) && item >= 0) {
    if (item < names.length) return item;
    throw new PointTableError({
      code: 'unknownColumn',
      what: `${option} asks for column index ${item}, but the table has ${names.length} columns`,
      allowed: `a 0-based index from 0 to ${names.length - 1}, or one of ${names.map((name) => JSON.stringify(name)).join(', ')}`,
      value: String(item),
    });
  }
  throw new InvalidArgumentError(option, 'a column name or a 0-based column index', item);
}
