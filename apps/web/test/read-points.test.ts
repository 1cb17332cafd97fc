import { describe, expect, it } from 'vitest';
import { tableProblemText } from '../src/i18n/table-problem-text.js';
import { pointsToCsv } from '../src/state/points-csv.js';
import {
  MAX_FILE_BYTES,
  type ReadChoices,
  type ReadOutcome,
  readPointsFile,
  readPointsText,
  shortestFloat32List,
} from '../src/state/read-points.js';

const DEFAULTS: ReadChoices = { separator: 'auto', header: 'auto', decimalComma: false };

function problemOf(outcome: ReadOutcome) {
  if (outcome.ok) throw new Error('expected a problem');
  return outcome.problem;
}

function pointsOf(outcome: ReadOutcome) {
  if (!outcome.ok) throw new Error(`expected points: ${tableProblemText(outcome.problem, 'en')}`);
  return outcome;
}

describe('reading pasted values', () => {
  it('reads x,y with a header, numbers in their shortest float32 form', () => {
    const outcome = pointsOf(readPointsText('x,y\n0.1,-2\n1e-3,3.5\n', DEFAULTS));
    // 0.1 is not a float32: the page keeps the decimal that reads back as the same float32.
    expect(outcome.points).toEqual({ x: [0.1, 0.001], y: [-2, 3.5] });
    expect(outcome.x).toBe('x');
    expect(outcome.y).toBe('y');
    expect(outcome.columns).toEqual(['x', 'y']);
  });

  it('reads a Spanish spreadsheet: semicolons and decimal commas', () => {
    const choices = { ...DEFAULTS, decimalComma: true };
    const outcome = pointsOf(readPointsText('x;y\n0,5;1,25\n-1,5;2\n', choices));
    expect(outcome.points).toEqual({ x: [0.5, -1.5], y: [1.25, 2] });
  });

  it('refuses a decimal comma with commas between cells before reading', () => {
    const problem = problemOf(
      readPointsText('1,5', { ...DEFAULTS, decimalComma: true, separator: 'comma' }),
    );
    expect(tableProblemText(problem, 'en')).toMatch(/^with a decimal comma, .*semicolon, tab/);
    expect(tableProblemText(problem, 'es')).toMatch(/^con coma decimal, .*punto y coma/);
  });

  it('lists every column and uses the chosen ones', () => {
    const text = 'id,name,height,weight\n1,ana,1.6,55\n2,luis,1.8,80\n';
    const first = pointsOf(readPointsText(text, DEFAULTS));
    expect(first.columns).toEqual(['id', 'name', 'height', 'weight']);
    expect([first.x, first.y]).toEqual(['id', 'weight']);
    const chosen = pointsOf(readPointsText(text, { ...DEFAULTS, x: 'height', y: 'weight' }));
    expect(chosen.points).toEqual({ x: [1.6, 1.8], y: [55, 80] });
  });

  it('names the columns of a JSON array of objects', () => {
    const text = JSON.stringify([
      { t: 0, x: 1, y: 2 },
      { t: 1, x: 3, y: 4 },
    ]);
    const outcome = pointsOf(readPointsText(text, { ...DEFAULTS, x: 'x' }));
    expect(outcome.columns).toEqual(['t', 'x', 'y']);
    expect(outcome.points).toEqual({ x: [1, 3], y: [2, 4] });
  });

  it.each([
    [
      'a non-numeric cell',
      'x,y\n1,2\n3,abc\n',
      'row 3, column 2 (y): "abc" is not a number',
      'fila 3, columna 2 (y): "abc" no es un número; se admite un número como 0.5 o -1.2e3',
    ],
    [
      'an empty cell',
      'x,y\n1,\n',
      'row 2, column 2 (y): the cell is empty',
      'fila 2, columna 2 (y): la celda está vacía; se admite un número como 0.5 o -1.2e3',
    ],
    [
      'a decimal comma without the option',
      'x;y\n0,5;1\n',
      'row 2, column 1 (x): "0,5" is not a number',
      'fila 2, columna 1 (x): "0,5" no es un número; se admite un número como 0.5 o -1.2e3 (si usa coma decimal, marca «Coma decimal»)',
    ],
    [
      'a ragged row',
      'x,y\n1,2\n3\n',
      'row 3: the row has 1 cell, the header 2 (comma-separated)',
      'fila 3: la fila tiene 1 celda, la cabecera 2; todas deben tener 2',
    ],
    [
      'NaN',
      'x,y\n1,NaN\n',
      'row 2, column 2 (y): NaN is not a finite float32 number',
      'fila 2, columna 2 (y): NaN no es un número finito; no se admiten NaN ni Infinity (|valor| <= 3,4e38)',
    ],
    [
      'a number beyond float32',
      'x,y\n1e39,1\n',
      'row 2, column 1 (x): 1e39 is not a finite float32 number',
      'fila 2, columna 1 (x): 1e39 no es un número finito; no se admiten NaN ni Infinity (|valor| <= 3,4e38)',
    ],
    [
      'text that is not a table',
      'hello world\nhow are you\n',
      'no column holds numbers',
      'ninguna columna tiene números; se admiten columnas de números, como x,y y luego 0.5,1.2',
    ],
    ['nothing', '  \n\n', 'there is nothing to read', 'no hay nada que leer'],
  ])('refuses %s with its row and column, in English and Spanish', (_, text, english, spanish) => {
    const problem = problemOf(readPointsText(text, DEFAULTS));
    expect(tableProblemText(problem, 'en')).toContain(english);
    expect(tableProblemText(problem, 'es')).toContain(spanish);
  });

  it('offers the columns even when the default ones hold text', () => {
    const outcome = readPointsText('name,x,y\nana,1,2\n', DEFAULTS);
    expect(outcome.ok).toBe(false);
    expect(outcome.columns).toEqual(['name', 'x', 'y']);
    expect(tableProblemText(problemOf(outcome), 'en')).toContain(
      'row 2, column 1 (name): "ana" is not a number',
    );
  });
});

describe('reading a file', () => {
  it('names the file in its messages', async () => {
    const file = new File(['x,y\n1,2\n3,abc\n'], 'points.csv', { type: 'text/csv' });
    const problem = problemOf(await readPointsFile(file, DEFAULTS));
    expect(tableProblemText(problem, 'en')).toMatch(/^points\.csv row 3, column 2 \(y\): /);
    expect(tableProblemText(problem, 'es')).toMatch(/^points\.csv fila 3, columna 2 \(y\): /);
  });

  it('reads a CSV file', async () => {
    const file = new File(['x,y\n1,2\n3,4\n'], 'points.csv', { type: 'text/csv' });
    expect(pointsOf(await readPointsFile(file, DEFAULTS)).points).toEqual({ x: [1, 3], y: [2, 4] });
  });

  it('refuses an image by its type before reading it', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const file = new File([png], 'photo.png', { type: 'image/png' });
    const problem = problemOf(await readPointsFile(file, DEFAULTS));
    expect(tableProblemText(problem, 'en')).toBe(
      'photo.png is not a CSV or JSON file (image/png): choose a .csv, .tsv, .txt or .json file.',
    );
    expect(tableProblemText(problem, 'es')).toBe(
      'photo.png no es un archivo CSV o JSON (image/png): elige un archivo .csv, .tsv, .txt o .json.',
    );
  });

  it('refuses binary content named like a CSV file', async () => {
    const file = new File([new Uint8Array([0, 1, 2, 3])], 'data.csv', { type: 'text/csv' });
    const problem = problemOf(await readPointsFile(file, DEFAULTS));
    expect(tableProblemText(problem, 'en')).toMatch(/^data\.csv: the content is binary/);
  });

  it('refuses a file over the limit, saying the limit, without reading it', async () => {
    expect(MAX_FILE_BYTES).toBe(50_000_000);
    const file = new File([new Uint8Array(MAX_FILE_BYTES + 1)], 'huge.csv', { type: 'text/csv' });
    file.text = () => {
      throw new Error('a file over the limit must not be read');
    };
    const problem = problemOf(await readPointsFile(file, DEFAULTS));
    expect(tableProblemText(problem, 'en')).toBe(
      'huge.csv is 50.0 MB; the page reads files up to 50 MB.',
    );
    expect(tableProblemText(problem, 'es')).toBe(
      'huge.csv ocupa 50.0 MB; la página lee archivos de hasta 50 MB.',
    );
  });
});

describe('pointsToCsv', () => {
  it('writes what the reader reads back to the same points', () => {
    const points = { x: [0.5, -1.25e-7, 3], y: [0.1, 2, -4.75] };
    const csv = pointsToCsv(points);
    expect(csv).toBe('x,y\n0.5,0.1\n-1.25e-7,2\n3,-4.75\n');
    expect(pointsOf(readPointsText(csv, DEFAULTS)).points).toEqual(points);
  });
});

describe('shortestFloat32List', () => {
  it('gives back decimals whose float32 is the same value', () => {
    const typed = new Float32Array([0.1, -2.5, 1 / 3, 3.4e38, 1e-40]);
    const short = shortestFloat32List(typed);
    expect(short.slice(0, 2)).toEqual([0.1, -2.5]);
    expect(String(short[2])).toBe('0.33333334'); // 1/3 needs 8 digits in float32
    short.forEach((value, i) => {
      expect(Math.fround(value)).toBe(typed[i]);
    });
  });
});
