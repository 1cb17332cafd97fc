import Papa from 'papaparse';

/** CSV text split into cells by Papa Parse, and the first quote it found unclosed. */
export interface PapaCells {
  /** One array of cells per line, blank lines included so that indexes stay row numbers. */
  readonly rows: string[][];
  readonly quoteError: Papa.ParseError | undefined;
}

/**
 * Splits CSV text with Papa Parse (quotes, escaped quotes, CRLF), every cell
 * kept as text for `cellNumber` to read. The one place the package
 * configures Papa Parse: the whole-table reader and the streamed reader's
 * quoted lines split cells the same way. `newline` is detected when absent.
 */
export function papaCells(text: string, separator: string, newline?: '\n'): PapaCells {
  const parsed = Papa.parse<string[]>(text, {
    delimiter: separator,
    ...(newline === undefined ? {} : { newline }),
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  return {
    rows: parsed.data,
    quoteError: parsed.errors.find((error) => error.type === 'Quotes'),
  };
}
