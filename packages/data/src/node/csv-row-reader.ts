import { cellNumber } from '../table/cell-number.js';
import type { Separator } from '../table/detect-separator.js';
import { papaCells } from '../table/papa-cells.js';
import { PointTableError } from '../table/point-table-error.js';
import { raggedRowError } from '../table/ragged-row.js';

/** How a streamed CSV file is laid out: read once from its first chunk. */
export interface CsvLayout {
  readonly separator: Separator;
  readonly decimalComma: boolean;
  readonly hasHeader: boolean;
  /** Cells per row. */
  readonly width: number;
  /** Every column's name (the header's, or `column 1`...). */
  readonly names: readonly string[];
  /** The chosen input columns, 0-based. */
  readonly inputs: readonly number[];
  /** The chosen target columns, 0-based. */
  readonly targets: readonly number[];
}

const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const QUOTE = 34;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const LOWER_E = 101;
const UPPER_E = 69;
const FIRST_NON_ASCII = 0x80;

const isDigit = (byte: number) => byte >= ZERO && byte <= NINE;
/** The ASCII characters `String.prototype.trim` removes. */
const isSpace = (byte: number) => byte === 32 || (byte >= 9 && byte <= 13);

/**
 * Reads the chosen columns of a CSV file's data rows as float32 numbers,
 * straight from the file's bytes, one row at a time into one reused array
 * (`values`): no string per line, no array per row, no parsed chunk kept
 * alive. What lets a streamed epoch run in the memory of its buffers instead
 * of piling up garbage for the collector.
 *
 * A plain line (ASCII, no quotes) is split at the separator here; a number
 * cell is checked byte by byte against the grammar `cellNumber` accepts and
 * read with `Number`, so values are the same bits `parsePointTable` gives.
 * Anything else takes the careful path, with the same results and errors:
 * a line with quotes or non-ASCII bytes is split by Papa Parse, and a cell
 * that is not a plain number (a decimal comma, a typo, NaN) goes through
 * `cellNumber`, which reads it or says what is wrong with its row and column.
 */
export class CsvRowReader {
  /** The current row's chosen cells: the inputs, then the targets. */
  readonly values: Float32Array;
  /** The current row's 1-based line number (the header is line 1). */
  row = 0;
  private readonly layout: CsvLayout;
  private readonly separatorByte: number;
  private readonly chosen: readonly number[];
  private readonly cellStarts: Int32Array;
  private readonly cellEnds: Int32Array;
  private bytes: Buffer = Buffer.alloc(0);
  private position = 0;
  private line = 0;
  private headerPending: boolean;
  private started = false;

  constructor(layout: CsvLayout) {
    this.layout = layout;
    this.separatorByte = layout.separator.charCodeAt(0);
    this.chosen = [...layout.inputs, ...layout.targets];
    this.values = new Float32Array(this.chosen.length);
    this.cellStarts = new Int32Array(layout.width);
    this.cellEnds = new Int32Array(layout.width);
    this.headerPending = layout.hasHeader;
  }

  /** Starts on the next chunk of the file: complete lines, in file order. */
  load(bytes: Buffer): void {
    this.bytes = bytes;
    this.position = 0;
    if (!this.started) {
      this.started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.position = 3;
    }
  }

  /** Reads the chunk's next data row into `values`; false when the chunk has no more. */
  next(): boolean {
    const bytes = this.bytes;
    while (this.position < bytes.length) {
      const start = this.position;
      const feed = bytes.indexOf(LINE_FEED, start);
      let end = feed < 0 ? bytes.length : feed;
      this.position = end + 1;
      this.line++;
      if (end > start && bytes[end - 1] === CARRIAGE_RETURN) end--;
      if (this.readLine(start, end)) return true;
    }
    return false;
  }

  /** Reads one line; false for a blank line or the header. */
  private readLine(start: number, end: number): boolean {
    const cells = this.splitPlainLine(start, end);
    if (cells === 0) return false;
    if (cells < 0) return this.readLineCarefully(start, end);
    if (this.skipHeader()) return false;
    this.checkWidth(cells);
    for (let k = 0; k < this.chosen.length; k++) {
      const column = this.chosen[k] as number;
      this.values[k] = this.plainCell(column);
    }
    return true;
  }

  /**
   * Splits a plain line at the separator into `cellStarts`/`cellEnds`: the
   * cell count, 0 for a blank line (only spaces and separators), or -1 when
   * the line needs Papa Parse (quotes, non-ASCII bytes, a stray `\r`).
   */
  private splitPlainLine(start: number, end: number): number {
    const bytes = this.bytes;
    const width = this.layout.width;
    let cells = 0;
    let cellStart = start;
    let blank = true;
    for (let i = start; i < end; i++) {
      const byte = bytes[i] as number;
      if (byte === this.separatorByte) {
        if (cells < width) {
          this.cellStarts[cells] = cellStart;
          this.cellEnds[cells] = i;
        }
        cells++;
        cellStart = i + 1;
      } else if (byte === QUOTE || byte === CARRIAGE_RETURN || byte >= FIRST_NON_ASCII) {
        return -1;
      } else if (!isSpace(byte)) {
        blank = false;
      }
    }
    if (blank) return 0;
    if (cells < width) {
      this.cellStarts[cells] = cellStart;
      this.cellEnds[cells] = end;
    }
    return cells + 1;
  }

  /** The float32 value of a cell of a plain line. */
  private plainCell(column: number): number {
    const bytes = this.bytes;
    let start = this.cellStarts[column] as number;
    let end = this.cellEnds[column] as number;
    while (start < end && isSpace(bytes[start] as number)) start++;
    while (end > start && isSpace(bytes[end - 1] as number)) end--;
    if (isPlainNumber(bytes, start, end)) {
      const value = Math.fround(Number(bytes.toString('latin1', start, end)));
      if (Number.isFinite(value)) return value;
    }
    // Not a plain number: cellNumber reads it (a decimal comma) or says why not.
    const text = bytes.toString('latin1', this.cellStarts[column], this.cellEnds[column]);
    return cellNumber(text, this.layout.decimalComma, this.location(column));
  }

  /** A line with quotes or non-ASCII text, split by Papa Parse. */
  private readLineCarefully(start: number, end: number): boolean {
    const text = this.bytes.toString('utf8', start, end);
    const { rows, quoteError } = papaCells(text, this.layout.separator, '\n');
    if (quoteError) {
      throw new PointTableError({
        code: 'badCsv',
        row: this.line,
        what: `a quoted cell is not closed on its line (${quoteError.message})`,
        allowed: 'every opening " closed on the same line (streamed files have one row per line)',
      });
    }
    const cells = rows[0] ?? [];
    if (cells.every((cell) => cell.trim() === '')) return false;
    if (this.skipHeader()) return false;
    this.checkWidth(cells.length);
    for (let k = 0; k < this.chosen.length; k++) {
      const column = this.chosen[k] as number;
      this.values[k] = cellNumber(cells[column], this.layout.decimalComma, this.location(column));
    }
    return true;
  }

  private skipHeader(): boolean {
    this.row = this.line;
    if (!this.headerPending) return false;
    this.headerPending = false;
    return true;
  }

  private checkWidth(cells: number): void {
    const { width, hasHeader, separator } = this.layout;
    if (cells !== width) throw raggedRowError(this.row, cells, width, hasHeader, separator);
  }

  private location(column: number) {
    return { row: this.row, column: column + 1, columnName: this.layout.names[column] as string };
  }
}

/** Whether `bytes[start, end)` is a number as `cellNumber` reads one, with a decimal point. */
function isPlainNumber(bytes: Buffer, start: number, end: number): boolean {
  let i = start;
  if (bytes[i] === PLUS || bytes[i] === MINUS) i++;
  let digits = 0;
  while (i < end && isDigit(bytes[i] as number)) {
    i++;
    digits++;
  }
  if (i < end && bytes[i] === DOT) {
    i++;
    while (i < end && isDigit(bytes[i] as number)) {
      i++;
      digits++;
    }
  }
  if (digits === 0) return false;
  if (i < end && (bytes[i] === LOWER_E || bytes[i] === UPPER_E)) {
    i++;
    if (i < end && (bytes[i] === PLUS || bytes[i] === MINUS)) i++;
    const exponentStart = i;
    while (i < end && isDigit(bytes[i] as number)) i++;
    if (i === exponentStart) return false;
  }
  return i === end;
}
