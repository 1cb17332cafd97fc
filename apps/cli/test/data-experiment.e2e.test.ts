import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'epochlab-data-'));
  // A Spanish spreadsheet's export: semicolons, decimal commas, a text column between x and y.
  const rows = ['tiempo;nota;altura'];
  for (let i = 0; i < 20; i++) {
    const x = i / 10;
    rows.push(`${String(x).replace('.', ',')};p${i};${String(3 * x + 1).replace('.', ',')}`);
  }
  writeFileSync(join(work, 'hoja.csv'), `${rows.join('\n')}\n`);
  writeFileSync(join(work, 'val.json'), JSON.stringify([{ tiempo: 0.55, altura: 2.65 }]));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('epochlab run data', () => {
  it('trains on a CSV and writes the run folder with the data provenance', async () => {
    const out = join(work, 'run');
    const run = await runCli(
      [
        'run',
        'data',
        '--data',
        'hoja.csv',
        '--decimal-comma',
        '--x',
        'tiempo',
        '--y',
        'altura',
        '--no-standardize',
        '--epochs',
        '30',
        '--batch-size',
        '4',
        '--backend',
        'cpu',
        '--out',
        out,
        '--quiet',
      ],
      work,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      [
        'config.json',
        'data.csv',
        'data.json',
        'fit.png',
        'fit.svg',
        'history.csv',
        'history.json',
        'loss.png',
        'loss.svg',
        'model',
        // The default validation share (0.2) holds points out, so the best epoch's model is kept.
        'model-best',
        'summary.json',
      ].sort(),
    );
    const content = readFileSync(join(work, 'hoja.csv'));
    const data = json(join(out, 'data.json'));
    expect(data.data).toEqual({
      path: 'hoja.csv',
      bytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      rows: 20,
      x: 'tiempo',
      y: 'altura',
      copy: 'data.csv',
    });
    // 20 rows, valFraction 0.2: floor(4) held out.
    expect(data.rowsUsed).toEqual({ train: 16, validation: 4 });
    expect(readFileSync(join(out, 'data.csv'))).toEqual(content);
    const config = json(join(out, 'config.json'));
    expect(config.experiment).toBe('data');
    expect(config.points).toBeUndefined();
    expect(config.standardize).toBe(false);
    expect(json(join(out, 'summary.json')).epochsRun).toBe(30);
    const fit = readFileSync(join(out, 'fit.svg'), 'utf8');
    expect(fit).toContain('your data');
  });

  it('takes validation points from another file and the same flags for both', async () => {
    const out = join(work, 'run-val');
    const run = await runCli(
      [
        'run',
        'data',
        '--data',
        'hoja.csv',
        '--val-data',
        'val.json',
        '--decimal-comma',
        '--x',
        'tiempo',
        '--y',
        'altura',
        '--epochs',
        '5',
        '--backend',
        'cpu',
        '--out',
        out,
        '--quiet',
      ],
      work,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const data = json(join(out, 'data.json'));
    expect(data.rowsUsed).toEqual({ train: 20, validation: 1 });
    expect(data.valData.copy).toBe('val-data.json');
    // Fit on the 20 training rows only: x = 0, 0.1, ..., 1.9 has mean 0.95 and population std
    // 0.1 sqrt((20^2 - 1) / 12); the heights 3x + 1 have mean 3.85 and three times that std.
    const scaling = json(join(out, 'scaling.json'));
    const std = 0.1 * Math.sqrt(399 / 12);
    expect(scaling.inputs.mean[0]).toBeCloseTo(0.95, 6);
    expect(scaling.inputs.std[0]).toBeCloseTo(std, 6);
    expect(scaling.targets.mean[0]).toBeCloseTo(3.85, 5);
    expect(scaling.targets.std[0]).toBeCloseTo(3 * std, 5);
  });

  it.each([
    [
      ['--data', 'nothing.csv'],
      'epochlab: nothing.csv: there is no such file; allowed: the path of a CSV or JSON file',
    ],
    [
      ['--data', 'hoja.csv', '--decimal-comma', '--x', 'peso'],
      'epochlab: hoja.csv column peso: x names no column "peso"; allowed: one of "tiempo", "nota", "altura" or a 0-based index from 0 to 2',
    ],
    [
      ['--data', 'hoja.csv', '--decimal-comma', '--x', 'nota'],
      'epochlab: hoja.csv row 2, column 2 (nota): "p0" is not a number; allowed: a number such as 0,5 or -1.2e3',
    ],
    [
      ['--data', 'hoja.csv', '--decimal-comma', '--batch-size', '17'],
      'epochlab: --batch-size must be at most the number of training rows (16): a batch cannot hold more rows than there are; got 17',
    ],
    [
      [],
      'epochlab: the data experiment needs --data <file.csv or file.json> (or "points" in its config file)',
    ],
  ])('refuses %j in one line with exit 2 and writes nothing', async (args, message) => {
    const out = join(work, 'refused');
    const run = await runCli(['run', 'data', ...args, '--out', out], work);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${message}\n`);
    expect(existsSync(out)).toBe(false);
  });
});
