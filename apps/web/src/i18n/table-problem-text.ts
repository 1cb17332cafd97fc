import type { PointTableProblem, PointTableProblemCode } from '@epochlab/data';
import type { TableProblem } from '../state/read-points.js';
import { MAX_FILE_BYTES } from '../state/read-points.js';
import { DATA_MESSAGES } from './data-messages.js';
import { fill, type Locale } from './messages.js';

/**
 * Spanish for every problem `@epochlab/data` reports about a table, by code.
 * Typed by the codes, so a new code does not compile until it has its text.
 */
const SPANISH: {
  readonly [Code in PointTableProblemCode]: (problem: PointTableProblem) => string;
} = {
  empty: () => 'no hay nada que leer; se admiten filas de números, como x,y y luego 0.5,1.2',
  noDataRows: () => 'hay una fila de cabecera y ninguna fila de datos',
  noNumericColumns: () =>
    'ninguna columna tiene números; se admiten columnas de números, como x,y y luego 0.5,1.2',
  notANumber: ({ value }) =>
    value === undefined || value.trim() === ''
      ? 'la celda está vacía; se admite un número como 0.5 o -1.2e3'
      : `"${value}" no es un número; se admite un número como 0.5 o -1.2e3${
          /^\s*[+-]?\d*,\d+\s*$/.test(value) ? ' (si usa coma decimal, marca «Coma decimal»)' : ''
        }`,
  notFinite: ({ value }) =>
    `${value ?? 'el valor'} no es un número finito; no se admiten NaN ni Infinity (|valor| <= 3,4e38)`,
  raggedRow: ({ cells }) =>
    cells === undefined
      ? 'la fila no tiene tantas celdas como la primera; todas deben tener las mismas'
      : `la fila tiene ${cells.found} ${cells.found === 1 ? 'celda' : 'celdas'}, ${
          cells.reference === 'header' ? 'la cabecera' : 'la primera fila'
        } ${cells.expected}; todas deben tener ${cells.expected}`,
  unknownColumn: ({ value }) => `no hay ninguna columna «${value ?? ''}»`,
  columnChoice: () =>
    'x e y deben ser columnas distintas, y la tabla necesita al menos dos columnas',
  wrongFileType: () => 'no es texto CSV o JSON (exporta la hoja de cálculo como CSV)',
  badCsv: () => 'una celda entre comillas no se cierra',
  badJson: () =>
    'no es un JSON válido con una lista de objetos ([{"x": 0.5, "y": 1.2}, ...]) o de pares ([[0.5, 1.2], ...])',
  missingFile: () => 'no existe el archivo',
  tooLarge: () => 'el archivo es demasiado grande para leerlo de una vez',
  tooFewRows: () => 'tiene menos filas de las que necesita el entrenamiento',
};

/** `fila 4, columna 2 (y)`: where a problem is, in Spanish (as `locationText` says it in English). */
function spanishLocation(problem: PointTableProblem): string {
  const parts: string[] = [];
  if (problem.row !== undefined) parts.push(`fila ${problem.row}`);
  if (problem.column !== undefined) {
    const named =
      problem.columnName !== undefined && problem.columnName !== `column ${problem.column}`;
    parts.push(`columna ${problem.column}${named ? ` (${problem.columnName})` : ''}`);
  }
  return parts.join(', ');
}

/** The megabytes of a byte count, for messages: `52.4`. */
const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

/**
 * A file's or paste's problem as one line in the page's language, naming the
 * file, the row and the column. English is `@epochlab/data`'s own message
 * (the CLI's); Spanish is worded here from the code and the location.
 */
export function tableProblemText(problem: TableProblem, locale: Locale): string {
  const m = DATA_MESSAGES[locale];
  switch (problem.code) {
    case 'fileTooLarge':
      return fill(m.fileTooLarge, {
        name: problem.name,
        size: megabytes(problem.bytes),
        limit: MAX_FILE_BYTES / 1e6,
      });
    case 'wrongFileType':
      return fill(m.wrongFileType, { name: problem.name, type: problem.type });
    case 'decimalCommaSeparator':
      return m.decimalCommaSeparator;
    case 'table': {
      const error = problem.error;
      if (locale === 'en') return error.message;
      const where = [error.problem.source, spanishLocation(error.problem)]
        .filter(Boolean)
        .join(' ');
      return `${where ? `${where}: ` : ''}${SPANISH[error.code](error.problem)}`;
    }
  }
}
