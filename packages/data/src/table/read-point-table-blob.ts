import { InvalidArgumentError } from '@epochlab/tensor/errors';
import { parsePointTable } from './parse-point-table.js';
import type { PointTable, TableReadOptions } from './point-table.js';
import { PointTableError } from './point-table-error.js';

/**
 * The largest file `readPointTableBlob` reads at once (64 MiB, about 1.5
 * million rows of two numbers): past it the text would take several times
 * its size in memory. Larger files stream in Node (`@epochlab/data/node`).
 */
export const MAX_TABLE_BYTES = 64 * 1024 * 1024;

const SPREADSHEET = /\.(xlsx|xlsm|xls|ods|numbers)$/i;

/**
 * Reads points from a `Blob` or a browser `File` (a file input, a drop), as
 * `parsePointTable` reads text. A `File` named like a spreadsheet is refused
 * before it is read, and so is one over `MAX_TABLE_BYTES`. Errors name the
 * file when it has a name.
 */
export async function readPointTableBlob(
  blob: Blob,
  options: TableReadOptions = {},
): Promise<PointTable> {
  if (typeof blob !== 'object' || blob === null || typeof blob.text !== 'function') {
    throw new InvalidArgumentError('blob', 'a Blob or File', blob);
  }
  const name = typeof (blob as Partial<File>).name === 'string' ? (blob as File).name : undefined;
  const source = name === undefined ? {} : { source: name };
  if (name !== undefined && SPREADSHEET.test(name)) {
    throw new PointTableError({
      code: 'wrongFileType',
      ...source,
      what: 'the file is a spreadsheet',
      allowed: 'CSV or JSON text (export the sheet as CSV)',
    });
  }
  if (blob.size > MAX_TABLE_BYTES) {
    throw new PointTableError({
      code: 'tooLarge',
      ...source,
      what: `the file holds ${blob.size} bytes`,
      allowed: `at most ${MAX_TABLE_BYTES} bytes (64 MiB) read at once`,
    });
  }
  const text = await blob.text();
  try {
    return parsePointTable(text, options);
  } catch (error) {
    if (name !== undefined && PointTableError.isInstance(error)) throw error.from(name);
    throw error;
  }
}
