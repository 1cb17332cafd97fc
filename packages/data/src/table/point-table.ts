/**
 * How `parsePointTable` reads a table of numbers. Every field may be left out:
 * the format, separator and header are then detected from the text.
 */
export interface TableReadOptions {
  /** `csv` or `json`; detected when absent (text starting with `[` or `{` is JSON). */
  format?: 'csv' | 'json';
  /**
   * The CSV separator; detected when absent: a tab when every line holds one,
   * else a semicolon when every line holds one, else a comma.
   */
  separator?: ',' | ';' | '\t';
  /** `"0,5"` means 0.5, as Spanish spreadsheets write it (default false). */
  decimalComma?: boolean;
  /** Whether the first CSV row names the columns; detected when absent (a non-numeric cell in it). */
  header?: boolean;
  /** Input column(s), by name or 0-based index; default: the first column. */
  x?: string | number | readonly (string | number)[];
  /** Target column(s), by name or 0-based index; default: the last column. */
  y?: string | number | readonly (string | number)[];
}

/**
 * A table of numbers ready to train on: inputs and targets as float32,
 * row-major, as a model's `[rows, inputs]` and `[rows, targets]` tensors hold them.
 */
export interface PointTable {
  /** How many data rows (points). */
  readonly rows: number;
  /** Every column's name in the source's order (the header's, or `column 1`, `column 2`...): what a column choice offers. */
  readonly columns: readonly string[];
  /** The input columns' names (the header's, or `column 1`, `column 2`... without one). */
  readonly inputNames: readonly string[];
  /** The target columns' names. */
  readonly targetNames: readonly string[];
  /** `rows` x `inputNames.length` values, row-major. */
  readonly inputs: Float32Array;
  /** `rows` x `targetNames.length` values, row-major. */
  readonly targets: Float32Array;
}
