import { readFileSync } from 'node:fs';
import { parsePointTable } from '../table/parse-point-table.js';
import type { PointTable, TableReadOptions } from '../table/point-table.js';
import { PointTableError } from '../table/point-table-error.js';
import { checkTableFile } from './check-table-file.js';

/** The largest file `readPointTableFile` reads at once (256 MiB); larger ones stream (`CsvFileRowStream`). */
export const MAX_FILE_BYTES_IN_MEMORY = 256 * 1024 * 1024;

/**
 * Reads points from a CSV or JSON file, as `parsePointTable` reads text.
 * Every error is a `PointTableError` whose message starts with the path:
 * a missing file, a folder, an empty file, a spreadsheet, a file over
 * `MAX_FILE_BYTES_IN_MEMORY`, and every problem `parsePointTable` finds.
 *
 * @example
 * const table = readPointTableFile('examples/data/points.csv', { x: 'x', y: 'y' });
 */
export function readPointTableFile(path: string, options: TableReadOptions = {}): PointTable {
  const bytes = checkTableFile(path);
  if (bytes > MAX_FILE_BYTES_IN_MEMORY) {
    throw new PointTableError({
      code: 'tooLarge',
      source: path,
      what: `the file holds ${bytes} bytes`,
      allowed: `at most ${MAX_FILE_BYTES_IN_MEMORY} bytes read at once; stream larger CSV files with CsvFileRowStream`,
    });
  }
  try {
    return parsePointTable(readFileSync(path, 'utf8'), options);
  } catch (error) {
    if (PointTableError.isInstance(error)) throw error.from(path);
    throw error;
  }
}
