import { EpochlabError } from '@epochlab/tensor/errors';

/**
 * What is wrong with a table of points, as a code an app words in its
 * language; `PointTableError`'s English message is one wording of it.
 */
export type PointTableProblemCode =
  /** The file or text holds nothing but blanks. */
  | 'empty'
  /** A header and no data rows. */
  | 'noDataRows'
  /** No column holds numbers. */
  | 'noNumericColumns'
  /** A cell of a chosen column is not a number. */
  | 'notANumber'
  /** A cell is NaN, an infinity, or beyond float32. */
  | 'notFinite'
  /** A row has more or fewer cells than the first one. */
  | 'raggedRow'
  /** `x` or `y` names a column that does not exist. */
  | 'unknownColumn'
  /** A column is both an input and a target, or the table has one column only. */
  | 'columnChoice'
  /** Not CSV or JSON text (a spreadsheet, an image...). */
  | 'wrongFileType'
  /** CSV whose quotes do not close. */
  | 'badCsv'
  /** JSON that does not parse, or is not an array of objects or of arrays. */
  | 'badJson'
  /** No file at the path given (Node only). */
  | 'missingFile'
  /** A file larger than the reader accepts at once. */
  | 'tooLarge'
  /** Fewer rows than the training needs. */
  | 'tooFewRows';

/** Where in a table a problem is: 1-based, as a spreadsheet counts (the header is row 1). */
export interface TableLocation {
  /** The row (a CSV line, or a JSON array item), from 1. */
  readonly row?: number;
  /** The column, from 1. */
  readonly column?: number;
  /** The column's name, when it has one. */
  readonly columnName?: string;
}

/** What a `PointTableError` carries besides its message. */
export interface PointTableProblem extends TableLocation {
  readonly code: PointTableProblemCode;
  /** What went wrong, in English, without the location: `"abc" is not a number`. */
  readonly what: string;
  /** What would be accepted, in English: `a number such as 0.5`. */
  readonly allowed: string;
  /** The cell text or option value at fault, when there is one. */
  readonly value?: string;
  /** The file or source the table came from, when known. */
  readonly source?: string;
  /** Every column's name, when the table got as far as its columns: what a column choice offers. */
  readonly columns?: readonly string[];
  /** For a ragged row: the cells it has, and how many the header (or the first row) has. */
  readonly cells?: {
    readonly found: number;
    readonly expected: number;
    readonly reference: 'header' | 'firstRow';
  };
}

const pointTableMarker = 'epochlab.error.PointTableError';
const pointTableSymbol = Symbol.for(pointTableMarker);

/**
 * A table of points that cannot be read. The message is one line naming the
 * source, the location (row, column) and what is allowed, so an app can
 * print it as it is; `code` and the location fields let an app word it in
 * another language.
 */
export class PointTableError extends EpochlabError {
  readonly [pointTableSymbol] = true;
  readonly code: PointTableProblemCode;
  readonly problem: PointTableProblem;

  constructor(problem: PointTableProblem) {
    super(pointTableMessage(problem));
    this.name = 'PointTableError';
    this.code = problem.code;
    this.problem = problem;
  }

  /** The same problem, said of `source` (a file path or name). */
  from(source: string): PointTableError {
    return new PointTableError({ ...this.problem, source });
  }

  /** True for a `PointTableError` from any copy of this package (a `Symbol.for` marker). */
  static override isInstance(error: unknown): error is PointTableError {
    return EpochlabError.hasMarker(error, pointTableMarker);
  }
}

/** `row 4, column 2 (y)`: a location in words, or `''` when there is none. */
export function locationText(location: TableLocation): string {
  const parts: string[] = [];
  if (location.row !== undefined) parts.push(`row ${location.row}`);
  if (location.column !== undefined) {
    const name =
      location.columnName !== undefined && location.columnName !== `column ${location.column}`
        ? ` (${location.columnName})`
        : '';
    parts.push(`column ${location.column}${name}`);
  } else if (location.columnName !== undefined) {
    parts.push(`column ${location.columnName}`);
  }
  return parts.join(', ');
}

function pointTableMessage(problem: PointTableProblem): string {
  const where = [problem.source, locationText(problem)].filter((part) => part).join(' ');
  return `${where ? `${where}: ` : ''}${problem.what}; allowed: ${problem.allowed}`;
}
