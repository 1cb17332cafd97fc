import { EpochlabError } from '@epochlab/tensor';
import { describe, expect, it } from 'vitest';
import {
  type PointTableError,
  type PointTableProblemCode,
  parsePointTable,
  readPointTableBlob,
  type TableReadOptions,
} from '../src/index.js';
import { PointTableError as PointTableErrorClass } from '../src/table/point-table-error.js';
import { expectInvalid } from './helpers.js';

function tableError(text: string, options?: TableReadOptions): PointTableError {
  try {
    parsePointTable(text, options);
  } catch (error) {
    expect(PointTableErrorClass.isInstance(error)).toBe(true);
    expect(EpochlabError.isInstance(error)).toBe(true);
    return error as PointTableError;
  }
  throw new Error('expected a PointTableError');
}

function expectProblem(
  text: string,
  code: PointTableProblemCode,
  message: string,
  options?: TableReadOptions,
): PointTableError {
  const error = tableError(text, options);
  expect(error.code).toBe(code);
  expect(error.message).toBe(message);
  expect(error.message).not.toContain('\n');
  return error;
}

describe('parsePointTable on CSV', () => {
  it('reads a header, the first column as x and the last as y', () => {
    const table = parsePointTable('x,noise,y\n0.5,9,1.25\n-2,9,3e2\n');
    expect(table.rows).toBe(2);
    expect(table.inputNames).toEqual(['x']);
    expect(table.targetNames).toEqual(['y']);
    expect(Array.from(table.inputs)).toEqual([0.5, -2]);
    expect(Array.from(table.targets)).toEqual([1.25, 300]);
  });

  it('rounds values to float32', () => {
    const table = parsePointTable('0.1,0.2');
    expect(table.inputs[0]).toBe(Math.fround(0.1));
    expect(table.targets[0]).toBe(Math.fround(0.2));
  });

  it('detects the absence of a header and names columns by position', () => {
    const table = parsePointTable('1,2\n3,4');
    expect(table.rows).toBe(2);
    expect(table.inputNames).toEqual(['column 1']);
    expect(table.targetNames).toEqual(['column 2']);
    expect(Array.from(table.inputs)).toEqual([1, 3]);
  });

  it('takes header: true and header: false as given', () => {
    expect(parsePointTable('1,2\n3,4', { header: true }).inputNames).toEqual(['1']);
    expect(parsePointTable('1,2\n3,4', { header: true }).rows).toBe(1);
    const error = tableError('a,b\n3,4', { header: false });
    expect(error.code).toBe('notANumber');
    expect(error.problem.row).toBe(1);
  });

  it.each([
    ['comma', 'x,y\n1,2\n3,4'],
    ['semicolon', 'x;y\n1;2\n3;4'],
    ['tab', 'x\ty\n1\t2\n3\t4'],
  ])('detects the %s separator', (_, text) => {
    const table = parsePointTable(text);
    expect(Array.from(table.inputs)).toEqual([1, 3]);
    expect(Array.from(table.targets)).toEqual([2, 4]);
  });

  it('prefers the semicolon over a decimal comma, and reads the decimal comma when asked', () => {
    const text = 'x;y\n0,5;1,25\n-1,5;2\n';
    const table = parsePointTable(text, { decimalComma: true });
    expect(Array.from(table.inputs)).toEqual([0.5, -1.5]);
    expect(Array.from(table.targets)).toEqual([1.25, 2]);
    // Without a header too: every line holds a semicolon, so the comma is not the separator.
    expect(Array.from(parsePointTable('0,5;1\n1,5;2', { decimalComma: true }).inputs)).toEqual([
      0.5, 1.5,
    ]);
  });

  it('says how to read a decimal comma when the option is missing', () => {
    expectProblem(
      'x;y\n0,5;1\n',
      'notANumber',
      'row 2, column 1 (x): "0,5" is not a number (with a decimal comma, say so: decimalComma / --decimal-comma); allowed: a number such as 0.5 or -1.2e3',
    );
  });

  it('takes an explicit separator over the detected one', () => {
    const text = 'a;b,c,d\n9;9,1,2';
    // Detected: every line holds a semicolon, so the columns are "a" and "b,c,d".
    expect(tableError(text).problem.columnName).toBe('b,c,d');
    const table = parsePointTable(text, { separator: ',', x: 'c', y: 'd' });
    expect(Array.from(table.inputs)).toEqual([1]);
    expect(Array.from(table.targets)).toEqual([2]);
  });

  it('reads quoted cells, CRLF line ends, blank lines and a byte order mark', () => {
    const table = parsePointTable('\uFEFF"x","y"\r\n"1",2\r\n\r\n3,"4"\r\n');
    expect(table.inputNames).toEqual(['x']);
    expect(Array.from(table.inputs)).toEqual([1, 3]);
    expect(Array.from(table.targets)).toEqual([2, 4]);
  });

  it('chooses columns by name and by index, several inputs row-major', () => {
    const text = 'a,b,c,d\n1,2,3,4\n5,6,7,8';
    const table = parsePointTable(text, { x: ['a', 2], y: 'b' });
    expect(table.inputNames).toEqual(['a', 'c']);
    expect(table.columns).toEqual(['a', 'b', 'c', 'd']);
    expect(parsePointTable('1,2,3\n4,5,6').columns).toEqual(['column 1', 'column 2', 'column 3']);
    expect(tableError('a,b\nx,1\n').problem.columns).toEqual(['a', 'b']);
    expect(table.targetNames).toEqual(['b']);
    expect(Array.from(table.inputs)).toEqual([1, 3, 5, 7]);
    expect(Array.from(table.targets)).toEqual([2, 6]);
    expect(parsePointTable(text, { x: '1', y: ['3', 'c'] }).targetNames).toEqual(['d', 'c']);
  });

  it('ignores a text column that is not chosen', () => {
    const table = parsePointTable('x,label,y\n1,north,2\n3,south,4');
    expect(Array.from(table.targets)).toEqual([2, 4]);
  });

  it('refuses an empty text', () => {
    expectProblem(
      ' \n\n',
      'empty',
      'there is nothing to read; allowed: rows of numbers, such as x,y then 0.5,1.2',
    );
  });

  it('refuses a header without data rows', () => {
    expectProblem(
      'x,y\n',
      'noDataRows',
      'row 1: there is a header row and no data rows; allowed: at least one row of numbers after the header',
    );
  });

  it('refuses a table without numeric columns', () => {
    expectProblem(
      'name,city\nana,madrid\nluis,sevilla',
      'noNumericColumns',
      'row 2: no column holds numbers; allowed: columns of numbers, such as x,y then 0.5,1.2',
    );
  });

  it('names the row and column of a non-numeric cell', () => {
    expectProblem(
      'x,y\n1,2\n3,abc\n',
      'notANumber',
      'row 3, column 2 (y): "abc" is not a number; allowed: a number such as 0.5 or -1.2e3',
    );
  });

  it('names an empty cell', () => {
    expectProblem(
      'x,y\n1,\n',
      'notANumber',
      'row 2, column 2 (y): the cell is empty; allowed: a number such as 0.5 or -1.2e3',
    );
  });

  it.each(['NaN', 'Infinity', '-inf', '1e39'])('refuses %s with its location', (cell) => {
    expectProblem(
      `x,y\n1,2\n${cell},3\n`,
      'notFinite',
      `row 3, column 1 (x): ${cell} is not a finite float32 number; allowed: a finite number with |value| <= 3.4e38 (no NaN or Infinity)`,
    );
  });

  it('refuses ragged rows', () => {
    expectProblem(
      'x,y\n1,2\n3,4,5\n',
      'raggedRow',
      'row 3: the row has 3 cells, the header 2 (comma-separated); allowed: 2 cells in every row',
    );
  });

  it('refuses an unclosed quote', () => {
    const error = tableError('x,y\n"1,2\n');
    expect(error.code).toBe('badCsv');
  });

  it('lists the columns that exist when a name does not', () => {
    expectProblem(
      'x,y\n1,2',
      'unknownColumn',
      'column z: x names no column "z"; allowed: one of "x", "y" or a 0-based index from 0 to 1',
      { x: 'z' },
    );
    expect(tableError('x,y\n1,2', { y: 5 }).message).toBe(
      'y asks for column index 5, but the table has 2 columns; allowed: a 0-based index from 0 to 1, or one of "x", "y"',
    );
  });

  it('refuses the same column as input and target, and a single column', () => {
    expectProblem(
      'x,y\n1,2',
      'columnChoice',
      'column 1 (x): the column is both an input (x) and a target (y); allowed: different columns for x and y',
      { y: 'x' },
    );
    expectProblem(
      'x\n1\n2',
      'columnChoice',
      'the table has 1 column; allowed: at least two columns: an input and a target',
    );
  });

  it('refuses binary content such as a spreadsheet', () => {
    expectProblem(
      'PK\u0003\u0004\u0000\u0000rest',
      'wrongFileType',
      'the content is binary (a zip or a spreadsheet such as .xlsx or .ods), not text; allowed: CSV or JSON text (export a spreadsheet as CSV)',
    );
  });

  it('refuses options outside their values', () => {
    expectInvalid(() => parsePointTable('1,2', { separator: '|' as ',' }), 'separator');
    expectInvalid(() => parsePointTable('1,2', { format: 'xml' as 'csv' }), 'format');
    expectInvalid(
      () => parsePointTable('1;2', { separator: ',', decimalComma: true }),
      'separator',
    );
    expectInvalid(() => parsePointTable('1,2', { x: -1 }), 'x');
    expectInvalid(() => parsePointTable('1,2', { x: [] }), 'x');
  });
});

describe('parsePointTable on JSON', () => {
  it('reads an array of objects by key', () => {
    const table = parsePointTable('[{"x": 0.5, "y": 1}, {"x": -1, "y": 2.5}]');
    expect(table.inputNames).toEqual(['x']);
    expect(table.targetNames).toEqual(['y']);
    expect(Array.from(table.inputs)).toEqual([0.5, -1]);
    expect(Array.from(table.targets)).toEqual([1, 2.5]);
  });

  it('reads an array of pairs', () => {
    const table = parsePointTable(' [[1, 2], [3, 4], [5, 6]]');
    expect(table.rows).toBe(3);
    expect(Array.from(table.inputs)).toEqual([1, 3, 5]);
    expect(Array.from(table.targets)).toEqual([2, 4, 6]);
  });

  it('chooses keys of objects as columns', () => {
    const table = parsePointTable('[{"t": 1, "a": 2, "b": 3}]', { x: ['a', 't'], y: 'b' });
    expect(Array.from(table.inputs)).toEqual([2, 1]);
    expect(table.inputNames).toEqual(['a', 't']);
  });

  it('names the item and key of a bad value', () => {
    expectProblem(
      '[{"x": 1, "y": 2}, {"x": "a", "y": 2}]',
      'notANumber',
      'row 2, column 1 (x): "a" is not a number; allowed: a number such as 0.5 or -1.2e3',
    );
    expectProblem(
      '[[1, 2], [null, 2]]',
      'notANumber',
      'row 2, column 1: null is not a number; allowed: a number such as 0.5 or -1.2e3',
    );
  });

  it('refuses items of other shapes', () => {
    expectProblem(
      '[[1, 2], [1]]',
      'raggedRow',
      'row 2: the item has 1 values, the first item 2; allowed: 2 values in every item',
    );
    expectProblem(
      '[{"x": 1, "y": 2}, {"x": 1}]',
      'raggedRow',
      'row 2, column y: the item has no "y"; allowed: every item with the first item\'s keys (x, y)',
    );
    expect(tableError('{"x": [1]}').code).toBe('badJson');
    expect(tableError('[1, 2]').code).toBe('badJson');
    expect(tableError('[{"x": 1,').code).toBe('badJson');
    expect(tableError('[]').code).toBe('empty');
  });
});

describe('readPointTableBlob', () => {
  it('reads a Blob like text', async () => {
    const table = await readPointTableBlob(new Blob(['x;y\n1;2\n']));
    expect(Array.from(table.targets)).toEqual([2]);
  });

  it('names the file in its errors and refuses spreadsheets unread', async () => {
    const bad = new File(['x,y\n1,z\n'], 'points.csv');
    await expect(readPointTableBlob(bad)).rejects.toThrow(
      'points.csv row 2, column 2 (y): "z" is not a number; allowed: a number such as 0.5 or -1.2e3',
    );
    const sheet = new File(['x,y\n1,2\n'], 'points.xlsx');
    await expect(readPointTableBlob(sheet)).rejects.toMatchObject({ code: 'wrongFileType' });
  });
});
