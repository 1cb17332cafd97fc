import {
  type PointTable,
  PointTableError,
  parsePointTable,
  type TableReadOptions,
} from '@epochlab/data';
import type { Points } from '@epochlab/experiments';

/**
 * Largest file the page reads, in bytes (50 MB, over a million rows of x,y).
 * The page holds the text, the points and the worker's copy at once, so a
 * larger file (a 2 GB one dropped by mistake) is refused with this limit in
 * the message before a byte is read, rather than freezing the tab.
 */
export const MAX_FILE_BYTES = 50_000_000;

/** The column separators the page offers (`auto`: detected from the text). */
export type Separator = 'auto' | 'comma' | 'semicolon' | 'tab';

const SEPARATOR_CHARACTERS = { comma: ',', semicolon: ';', tab: '\t' } as const;

/** How to read a table: the panel's options and, once chosen, the columns. */
export interface ReadChoices {
  readonly separator: Separator;
  readonly header: 'auto' | 'yes' | 'no';
  readonly decimalComma: boolean;
  /** The x column's name (default: the first column). */
  readonly x?: string;
  /** The y column's name (default: the last column). */
  readonly y?: string;
}

/** Why a file or a paste gave no points, with what its message needs. */
export type TableProblem =
  | { readonly code: 'fileTooLarge'; readonly name: string; readonly bytes: number }
  | { readonly code: 'wrongFileType'; readonly name: string; readonly type: string }
  | { readonly code: 'decimalCommaSeparator' }
  | { readonly code: 'table'; readonly error: PointTableError };

/** The points read, or why there are none; `columns` whenever the table's columns are known. */
export type ReadOutcome =
  | {
      readonly ok: true;
      readonly points: Points;
      /** Every column of the table, for the column choice. */
      readonly columns: readonly string[];
      /** The columns used. */
      readonly x: string;
      readonly y: string;
    }
  | { readonly ok: false; readonly problem: TableProblem; readonly columns?: readonly string[] };

/** File name endings read as tables; other files are refused unless their type is text. */
const TABLE_ENDINGS = /\.(csv|tsv|txt|json)$/i;

/**
 * Whether a file may be a table: a `.csv`, `.tsv`, `.txt` or `.json` name, a
 * text or JSON type (Windows calls CSV `application/vnd.ms-excel`), or no
 * name ending and no type at all (the reader then says whether it is one).
 * An image, a PDF or a spreadsheet is refused before it is read.
 */
function mayBeTable(file: { readonly name: string; readonly type: string }): boolean {
  if (TABLE_ENDINGS.test(file.name)) return true;
  const type = file.type;
  if (type.startsWith('text/') || type === 'application/json') return true;
  if (type === 'application/vnd.ms-excel' && /\.csv$/i.test(file.name)) return true;
  return type === '' && !/\.[^.]+$/.test(file.name);
}

/**
 * Reads points from a file the user chose or dropped: refused above
 * `MAX_FILE_BYTES` or when it is not a table (by name and type), otherwise
 * read as `readPointsText` reads text, its messages naming the file.
 */
export async function readPointsFile(file: File, choices: ReadChoices): Promise<ReadOutcome> {
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, problem: { code: 'fileTooLarge', name: file.name, bytes: file.size } };
  }
  if (!mayBeTable(file)) {
    const type = file.type || (/\.([^.]+)$/.exec(file.name)?.[1] ?? '?');
    return { ok: false, problem: { code: 'wrongFileType', name: file.name, type } };
  }
  const outcome = readPointsText(await file.text(), choices);
  if (outcome.ok || outcome.problem.code !== 'table') return outcome;
  return { ...outcome, problem: { code: 'table', error: outcome.problem.error.from(file.name) } };
}

/**
 * Reads points (one x column, one y column) from CSV or JSON text with
 * `@epochlab/data`'s `parsePointTable`, the reader the CLI uses. Numbers
 * keep their shortest float32 form (see `shortestFloat32`).
 */
export function readPointsText(text: string, choices: ReadChoices): ReadOutcome {
  if (choices.decimalComma && choices.separator === 'comma') {
    return { ok: false, problem: { code: 'decimalCommaSeparator' } };
  }
  const options: TableReadOptions = {
    decimalComma: choices.decimalComma,
    ...(choices.separator === 'auto' ? {} : { separator: SEPARATOR_CHARACTERS[choices.separator] }),
    ...(choices.header === 'auto' ? {} : { header: choices.header === 'yes' }),
  };
  const chosen = (known: readonly string[] | undefined): TableReadOptions => ({
    ...options,
    ...(choices.x !== undefined && (!known || known.includes(choices.x)) ? { x: choices.x } : {}),
    ...(choices.y !== undefined && (!known || known.includes(choices.y)) ? { y: choices.y } : {}),
  });
  let table: PointTable;
  try {
    table = parseWithChoices(text, chosen);
  } catch (error) {
    if (!PointTableError.isInstance(error)) throw error;
    const columns = error.problem.columns;
    return { ok: false, problem: { code: 'table', error }, ...(columns ? { columns } : {}) };
  }
  return {
    ok: true,
    points: { x: shortestFloat32List(table.inputs), y: shortestFloat32List(table.targets) },
    columns: table.columns,
    x: table.inputNames[0] as string,
    y: table.targetNames[0] as string,
  };
}

/**
 * The table with the user's x and y choices, or, when a choice names no
 * column of this text (it was made for another file), with the ones that do.
 */
function parseWithChoices(
  text: string,
  chosen: (known: readonly string[] | undefined) => TableReadOptions,
): PointTable {
  try {
    return parsePointTable(text, chosen(undefined));
  } catch (error) {
    const known = PointTableError.isInstance(error) ? error.problem.columns : undefined;
    if (!PointTableError.isInstance(error) || error.code !== 'unknownColumn' || !known) throw error;
    return parsePointTable(text, chosen(known));
  }
}

/**
 * Float32 values as the shortest decimals that read back as the same float32
 * (`0.1`, not `0.10000000149011612`): training sees the very same numbers,
 * and the config, the CLI line and the link show what the user wrote.
 */
export function shortestFloat32List(values: Float32Array): number[] {
  return Array.from(values, shortestFloat32);
}

function shortestFloat32(value: number): number {
  for (let digits = 1; digits < 9; digits++) {
    const short = Number(value.toPrecision(digits));
    if (Math.fround(short) === value) return short;
  }
  return value;
}
