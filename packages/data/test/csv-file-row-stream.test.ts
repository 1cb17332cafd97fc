import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countTensors, initBackend } from '@epochlab/tensor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PointTableError, parsePointTable, type RowStream, RowStreamLoader } from '../src/index.js';
import { CsvFileRowStream, fileDigest, readPointTableFile } from '../src/node.js';

let work: string;
const ROWS = 10_000;

beforeAll(async () => {
  await initBackend('cpu');
  work = mkdtempSync(join(tmpdir(), 'epochlab-stream-'));
  const lines = ['x,label,y'];
  for (let i = 0; i < ROWS; i++) lines.push(`${i},row${i},${2 * i + 1}`);
  writeFileSync(join(work, 'rows.csv'), `${lines.join('\n')}\n`);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const file = () => join(work, 'rows.csv');

/** Every row of one epoch, in the order the stream gives them: [x, y] pairs. */
function epochRows(stream: RowStream, epoch: number): number[] {
  const xs: number[] = [];
  let mismatched = 0;
  for (const block of stream.blocks(epoch)) {
    for (let row = 0; row < block.rows; row++) {
      if (block.targets[row] !== 2 * (block.inputs[row] as number) + 1) mismatched++;
      xs.push(block.inputs[row] as number);
    }
  }
  // Each row's target travels with its input (y = 2x + 1 in the file).
  expect(mismatched).toBe(0);
  return xs;
}

function write(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

describe('CsvFileRowStream', () => {
  // A 500-row buffer over 10,000 rows, read 4 KiB at a time (dozens of chunks).
  const options = { shuffleBuffer: 500, chunkBytes: 4096, seed: 7 };

  it('gives every row exactly once per epoch through a buffer smaller than the file', () => {
    const stream = CsvFileRowStream.open(file(), options);
    expect(stream.length).toBe(ROWS);
    expect(stream.inputNames).toEqual(['x']);
    expect(stream.targetNames).toEqual(['y']);
    for (const epoch of [0, 1]) {
      const xs = epochRows(stream, epoch);
      expect(xs).toHaveLength(ROWS);
      expect([...xs].sort((a, b) => a - b)).toEqual(Array.from({ length: ROWS }, (_, i) => i));
      expect(xs).not.toEqual(Array.from({ length: ROWS }, (_, i) => i));
    }
  });

  it('repeats an epoch from the seed, changes it with the epoch and the seed', () => {
    const a = CsvFileRowStream.open(file(), options);
    const b = CsvFileRowStream.open(file(), options);
    const other = CsvFileRowStream.open(file(), { ...options, seed: 8 });
    expect(epochRows(b, 3)).toEqual(epochRows(a, 3));
    expect(epochRows(a, 4)).not.toEqual(epochRows(a, 3));
    expect(epochRows(other, 3)).not.toEqual(epochRows(a, 3));
  });

  it('shows what a bounded buffer means: the first row out is one of the first buffer + 1 rows', () => {
    const stream = CsvFileRowStream.open(file(), options);
    for (const epoch of [0, 1, 2, 3]) {
      expect(epochRows(stream, epoch)[0]).toBeLessThanOrEqual(500);
    }
  });

  it('keeps the file order without shuffle', () => {
    const stream = CsvFileRowStream.open(file(), { ...options, shuffle: false });
    expect(epochRows(stream, 0)).toEqual(Array.from({ length: ROWS }, (_, i) => i));
  });

  it('splits rows by a seeded hold-out, and fits the statistics on its own rows', () => {
    const train = CsvFileRowStream.open(file(), {
      ...options,
      shuffle: false,
      holdOut: { fraction: 0.2, part: 'train' },
    });
    const validation = train.otherPart();
    const trainXs = epochRows(train, 0);
    const validationXs = epochRows(validation, 0);
    expect(train.length + validation.length).toBe(ROWS);
    expect(validation.length / ROWS).toBeGreaterThan(0.17);
    expect(validation.length / ROWS).toBeLessThan(0.23);
    expect([...trainXs, ...validationXs].sort((a, b) => a - b)).toEqual(
      Array.from({ length: ROWS }, (_, i) => i),
    );
    // The training statistics by the textbook formulas over the training rows only.
    const mean = trainXs.reduce((sum, x) => sum + x, 0) / trainXs.length;
    const variance = trainXs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / trainXs.length;
    const stats = train.statistics();
    expect(stats.inputs.mean[0]).toBeCloseTo(mean, 6);
    expect(stats.inputs.std[0]).toBeCloseTo(Math.sqrt(variance), 6);
    expect(stats.targets.mean[0]).toBeCloseTo(2 * mean + 1, 6);
    // Standardised as read: the training rows come out with mean 0.
    const scaled = train.withScaling(stats);
    let sum = 0;
    for (const block of scaled.blocks(0)) for (const v of block.inputs) sum += v;
    expect(Math.abs(sum / train.length)).toBeLessThan(1e-4);
  });

  it('names the path, row and column of a bad cell past the first chunk', () => {
    const lines = ['x,y'];
    for (let i = 0; i < 2000; i++) lines.push(`${i},${i}`);
    lines[1500] = '1499,oops';
    const path = write('bad.csv', `${lines.join('\n')}\n`);
    expect(() => CsvFileRowStream.open(path, { chunkBytes: 1024 })).toThrow(
      `${path} row 1501, column 2 (y): "oops" is not a number; allowed: a number such as 0.5 or -1.2e3`,
    );
  });

  it.each([
    [
      'quoted cells, CRLF and a byte order mark',
      '\uFEFF"a","b",c,t\r\n"1.5",2,3,4\r\n-1,"+2e1", .5 ,6\r\n',
    ],
    [
      'a decimal comma, semicolons and a non-ASCII header',
      'año;b;c;t\n0,5;1;2;3\n\n-1,25;4,0;5;-6e-3\n ; ;;\n7;8;9,;10\n',
    ],
    ['no header and tabs', '1\t2\t3\t4\n5.0e2\t-6\t7\t8\n'],
  ])('reads %s to the same float32 values as parsePointTable', (_, text) => {
    const path = write('awkward.csv', text);
    const decimalComma = text.includes(';');
    const options = { x: [0, 1, 2], y: 3, decimalComma, chunkBytes: 16 };
    const whole = parsePointTable(text, options);
    const stream = CsvFileRowStream.open(path, { ...options, shuffle: false });
    expect(stream.columns).toEqual(whole.columns);
    expect(stream.inputNames).toEqual(whole.inputNames);
    const inputs: number[] = [];
    const targets: number[] = [];
    for (const block of stream.blocks(0)) {
      inputs.push(...block.inputs);
      targets.push(...block.targets);
    }
    expect(stream.length).toBe(whole.rows);
    expect(inputs).toEqual([...whole.inputs]);
    expect(targets).toEqual([...whole.targets]);
  });

  it('says how many cells a ragged row has against the first row, and refuses an unclosed quote', () => {
    const ragged = write('ragged-no-header.csv', '1,2\n3,4\n5\n');
    expect(() => CsvFileRowStream.open(ragged)).toThrow(
      `${ragged} row 3: the row has 1 cell, the first row 2 (comma-separated); allowed: 2 cells in every row`,
    );
    const quote = write('quote.csv', 'x,y\n1,2\n"3,4\n');
    expect(() => CsvFileRowStream.open(quote)).toThrow(
      `${quote} row 3: a quoted cell is not closed`,
    );
  });

  it('refuses a ragged row, a JSON file and a missing file with the path', () => {
    const ragged = write('ragged.csv', 'x,y\n1,2\n3,4,5\n');
    expect(() => CsvFileRowStream.open(ragged)).toThrow(
      `${ragged} row 3: the row has 3 cells, the header 2 (comma-separated); allowed: 2 cells in every row`,
    );
    const json = write('points.json', '[[1, 2]]');
    expect(() => CsvFileRowStream.open(json)).toThrow(PointTableError);
    const missing = join(work, 'nothing.csv');
    expect(() => CsvFileRowStream.open(missing)).toThrow(
      `${missing}: there is no such file; allowed: the path of a CSV or JSON file`,
    );
  });
});

describe('RowStreamLoader', () => {
  it('makes [B, inputs] and [B, targets] batches, the last one short, and frees them', () => {
    const stream = CsvFileRowStream.open(file(), { shuffleBuffer: 2000, seed: 1 });
    const loader = new RowStreamLoader(stream, { batchSize: 1024 });
    expect(loader.length).toBe(10);
    const before = countTensors();
    const sizes: number[] = [];
    let seen = 0;
    for (const [inputs, targets] of loader) {
      sizes.push(inputs.shape[0]);
      expect(inputs.shape[1]).toBe(1);
      expect(targets.shape).toEqual(inputs.shape);
      seen += inputs.shape[0];
    }
    expect(sizes).toEqual([...Array(9).fill(1024), ROWS - 9 * 1024]);
    expect(seen).toBe(ROWS);
    expect(countTensors()).toBe(before);
    expect(new RowStreamLoader(stream, { batchSize: 1024, dropLast: true }).length).toBe(9);
  });

  it('gives the same batches as the stream rows, in order', () => {
    const stream = CsvFileRowStream.open(file(), { shuffleBuffer: 100, seed: 2 });
    const loader = new RowStreamLoader(stream, { batchSize: 3000 });
    const fromBatches: number[] = [];
    for (const [inputs] of loader.batches(5)) fromBatches.push(...inputs.dataSync());
    expect(fromBatches).toEqual(epochRows(stream, 5));
  });
});

describe('readPointTableFile and fileDigest', () => {
  it('reads a file whole and names it in errors', () => {
    const table = readPointTableFile(file(), { y: 'y' });
    expect(table.rows).toBe(ROWS);
    const bad = write('bad-cell.csv', 'x;y\n1;2\n3;NaN\n');
    expect(() => readPointTableFile(bad)).toThrow(
      `${bad} row 3, column 2 (y): NaN is not a finite float32 number; allowed: a finite number with |value| <= 3.4e38 (no NaN or Infinity)`,
    );
  });

  it('refuses a missing, empty, folder or spreadsheet path', () => {
    const codes = (path: string) => {
      try {
        readPointTableFile(path);
      } catch (error) {
        return PointTableError.isInstance(error) ? error.code : 'other';
      }
      return 'none';
    };
    mkdirSync(join(work, 'folder'), { recursive: true });
    expect(codes(join(work, 'missing.csv'))).toBe('missingFile');
    expect(codes(write('empty.csv', ''))).toBe('empty');
    expect(codes(join(work, 'folder'))).toBe('wrongFileType');
    expect(codes(write('sheet.xlsx', 'x,y\n1,2\n'))).toBe('wrongFileType');
  });

  it('hashes a file like node:crypto does', () => {
    const digest = fileDigest(file());
    const content = readFileSync(file());
    expect(digest.bytes).toBe(content.length);
    expect(digest.sha256).toBe(createHash('sha256').update(content).digest('hex'));
  });
});
