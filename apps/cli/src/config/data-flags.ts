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
  readonly x: string;
  readonly y: string;
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

/** A column flag's text as a column choice: a name, or digits for a 0-based index. */
function column(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (text.includes(',')) {
    throw new UsageError(
      `--x and --y take one column each (a name or a 0-based index); got "${text}"`,
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
  const x = column(flags.x);
  const y = column(flags.y);
  if (x !== undefined) options.x = x;
  if (y !== undefined) options.y = y;
  return options;
}

function readFile(path: string, options: TableReadOptions) {
  const table = readPointTableFile(path, options);
  const record: DataFileRecord = {
    ...fileDigest(path),
    rows: table.rows,
    x: table.inputNames[0] as string,
    y: table.targetNames[0] as string,
  };
  return {
    points: { x: Array.from(table.inputs), y: Array.from(table.targets) },
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
