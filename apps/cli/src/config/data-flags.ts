import type { TableReadOptions } from '@epochlab/data';
import { type FileDigest, fileDigest, readPointTableFile } from '@epochlab/data/node';
import type { PointLists } from '@epochlab/experiments';
import { UsageError } from './usage-error.js';

/** The flags that say where the data experiment's points come from. */
export interface DataFlags {
  data?: string;
  valData?: string;
  x?: string;
  y?: string;
  separator?: string;
  decimalComma?: boolean;
}

/** Where one file of points came from, as `data.json` records it. */
export interface DataFileRecord extends FileDigest {
  /** The data rows the run used from it. */
  readonly rows: number;
  /** The input column; a list of them when there are several. */
  readonly x: string | readonly string[];
  readonly y: string;
}

/** `x` of a `DataFileRecord`: the column's name, or the list of several. */
export function inputColumnsRecord(names: readonly string[]): string | readonly string[] {
  return names.length === 1 ? (names[0] as string) : names;
}

/** The points read from `--data` (and `--val-data`), with where they came from. */
export interface DataFromFlags {
  readonly points: PointLists;
  readonly validationPoints: PointLists | undefined;
  readonly files: { readonly data: DataFileRecord; readonly valData?: DataFileRecord };
}

const SEPARATORS: Record<string, TableReadOptions['separator']> = {
  ',': ',',
  ';': ';',
  '\t': '\t',
  '\\t': '\t',
  tab: '\t',
};

/**
 * `--x`'s text as a column choice: one name or 0-based index, or several
 * separated by commas (`--x a,b,c`: the model gets that many inputs).
 */
function inputColumns(text: string | undefined): string | string[] | undefined {
  if (text === undefined) return undefined;
  if (!text.includes(',')) return text;
  const names = text.split(',').map((name) => name.trim());
  if (names.some((name) => name === '')) {
    throw new UsageError(
      `--x takes column names or 0-based indices separated by commas; got "${text}"`,
    );
  }
  return names;
}

/** `--y`'s text as a column choice: the data experiment has one target. */
function targetColumn(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (text.includes(',')) {
    throw new UsageError(
      `--y takes one column (a name or a 0-based index): the data experiment has one target; got "${text}"`,
    );
  }
  return text;
}

/** The table options the flags give, shared by --data and --val-data. */
export function tableOptions(flags: DataFlags): TableReadOptions {
  const options: TableReadOptions = {};
  if (flags.separator !== undefined) {
    const separator = SEPARATORS[flags.separator];
    if (separator === undefined) {
      throw new UsageError(
        `--separator must be ',', ';' or tab (\\t); got ${JSON.stringify(flags.separator)}`,
      );
    }
    options.separator = separator;
  }
  if (flags.decimalComma) options.decimalComma = true;
  const x = inputColumns(flags.x);
  const y = targetColumn(flags.y);
  if (x !== undefined) options.x = x;
  if (y !== undefined) options.y = y;
  return options;
}

function readFile(path: string, options: TableReadOptions) {
  const table = readPointTableFile(path, options);
  const record: DataFileRecord = {
    ...fileDigest(path),
    rows: table.rows,
    x: inputColumnsRecord(table.inputNames),
    y: table.targetNames[0] as string,
  };
  const several = table.inputNames.length > 1 ? { inputNames: [...table.inputNames] } : {};
  return {
    points: { x: Array.from(table.inputs), y: Array.from(table.targets), ...several },
    record,
  };
}

/**
 * Reads the points `--data` names (and `--val-data`'s), with the columns and
 * format the other flags give; a `PointTableError` names the file, row and
 * column of any problem. Returns `undefined` without `--data`.
 */
export function dataFromFlags(flags: DataFlags): DataFromFlags | undefined {
  if (flags.data === undefined) {
    if (flags.valData !== undefined) throw new UsageError('--val-data needs --data');
    return undefined;
  }
  const options = tableOptions(flags);
  const data = readFile(flags.data, options);
  const valData = flags.valData === undefined ? undefined : readFile(flags.valData, options);
  return {
    points: data.points,
    validationPoints: valData?.points,
    files: { data: data.record, ...(valData ? { valData: valData.record } : {}) },
  };
}
