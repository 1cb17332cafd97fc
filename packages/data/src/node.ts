/**
 * @epochlab/data/node: tables of points from files (Node.js only): read a
 * CSV or JSON file whole (`readPointTableFile`), stream a CSV file too large
 * for memory (`CsvFileRowStream`, batched by `RowStreamLoader`), and the
 * size and SHA-256 of a data file (`fileDigest`).
 *
 * @example
 * import { readPointTableFile } from '@epochlab/data/node';
 * const table = readPointTableFile('points.csv', { x: 'x', y: 'y' });
 */
export {
  CsvFileRowStream,
  type CsvFileRowStreamOptions,
  type HoldOut,
  SHUFFLE_BUFFER_STREAM,
} from './node/csv-file-row-stream.js';
export { type FileDigest, fileDigest } from './node/file-digest.js';
export { MAX_FILE_BYTES_IN_MEMORY, readPointTableFile } from './node/read-point-table-file.js';
