import { statSync } from 'node:fs';
import { PointTableError } from '../table/point-table-error.js';

const SPREADSHEET = /\.(xlsx|xlsm|xls|ods|numbers)$/i;

/**
 * The byte size of a table file, after refusing what cannot be one: a path
 * with nothing at it, a folder, an empty file, a spreadsheet by its name.
 * Errors are `PointTableError`s that name the path.
 */
export function checkTableFile(path: string): number {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(path);
  } catch {
    throw new PointTableError({
      code: 'missingFile',
      source: path,
      what: 'there is no such file',
      allowed: 'the path of a CSV or JSON file',
    });
  }
  if (!stats.isFile()) {
    throw new PointTableError({
      code: 'wrongFileType',
      source: path,
      what: 'the path is a folder, not a file',
      allowed: 'the path of a CSV or JSON file',
    });
  }
  if (SPREADSHEET.test(path)) {
    throw new PointTableError({
      code: 'wrongFileType',
      source: path,
      what: 'the file is a spreadsheet',
      allowed: 'CSV or JSON text (export the sheet as CSV)',
    });
  }
  if (stats.size === 0) {
    throw new PointTableError({
      code: 'empty',
      source: path,
      what: 'the file is empty',
      allowed: 'rows of numbers, such as x,y then 0.5,1.2',
    });
  }
  return stats.size;
}
