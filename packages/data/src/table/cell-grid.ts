/**
 * A table's cells before they become numbers: column names when the source
 * has them (a CSV header, JSON keys) and the data rows, each with the row
 * number messages name.
 */
export interface CellGrid {
  /** Column names, or `undefined` when the source has none. */
  readonly names: readonly string[] | undefined;
  /** Cells per row (every row has this many; ragged rows are refused when the grid is built). */
  readonly width: number;
  /** The data rows; a cell is CSV text or a JSON value. */
  readonly rows: readonly (readonly unknown[])[];
  /** The 1-based row number of `rows[index]` as the user sees it (CSV line, JSON item). */
  readonly rowNumbers: readonly number[];
}

/** `column 1`, `column 2`...: the name of a column without a header (1-based, as messages count). */
export function unnamedColumn(index: number): string {
  return `column ${index + 1}`;
}
