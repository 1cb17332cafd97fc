import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

let work: string;
const ROWS = 40;
/** The columns as the CLI reads them: float32 values of the file's decimals. */
const columns: Record<'a' | 'b' | 'c' | 't', number[]> = { a: [], b: [], c: [], t: [] };

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'epochlab-columns-'));
  // The target is an exact linear function of three inputs, with a text column in between.
  const lines = ['a,b,label,c,t'];
  for (let i = 0; i < ROWS; i++) {
    const a = i / 10;
    const b = ((i * 7) % 11) / 5;
    const c = ((i * i) % 13) / 4 - 1;
    const t = 2 * a - b + 0.5 * c + 1;
    lines.push(`${a},${b},row${i},${c},${t}`);
    for (const [key, value] of [
      ['a', a],
      ['b', b],
      ['c', c],
      ['t', t],
    ] as const) {
      columns[key].push(Math.fround(value));
    }
  }
  writeFileSync(join(work, 'columns.csv'), `${lines.join('\n')}\n`);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
/** The population standard deviation (divided by n), as scikit-learn's StandardScaler fits it. */
const std = (values: readonly number[]) => {
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / values.length);
};

describe('epochlab run data with several input columns', () => {
  it('trains a 3-input model, standardises each column and draws predicted against actual', async () => {
    const out = join(work, 'run');
    const args = ['run', 'data', '--data', 'columns.csv', '--x', 'a,b,c', '--y', 't'];
    const run = await runCli(
      [
        ...args,
        '--val-fraction',
        '0',
        '--optimizer',
        'adam',
        '--lr',
        '0.01',
        '--epochs',
        '400',
        '--batch-size',
        '8',
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
    const files = readdirSync(out);
    expect(files).toEqual(
      expect.arrayContaining(['predicted-vs-actual.svg', 'predicted-vs-actual.png', 'loss.svg']),
    );
    expect(files).not.toContain('fit.svg');
    expect(readFileSync(join(out, 'predicted-vs-actual.svg'), 'utf8')).toContain(
      'Predicted by the model',
    );

    // Every row trains (no validation share): the statistics are the columns' own.
    const scaling = json(join(out, 'scaling.json'));
    const inputs = [columns.a, columns.b, columns.c];
    inputs.forEach((values, k) => {
      expect(scaling.inputs.mean[k]).toBeCloseTo(mean(values), 9);
      expect(scaling.inputs.std[k]).toBeCloseTo(std(values), 9);
    });
    expect(scaling.targets.mean[0]).toBeCloseTo(mean(columns.t), 9);
    expect(scaling.targets.std[0]).toBeCloseTo(std(columns.t), 9);

    const summary = json(join(out, 'summary.json'));
    expect(summary.inputRanges).toEqual(
      (['a', 'b', 'c'] as const).map((name) => ({
        name,
        min: Math.min(...columns[name]),
        max: Math.max(...columns[name]),
      })),
    );
    expect(json(join(out, 'data.json')).data.x).toEqual(['a', 'b', 'c']);

    // The first layer takes three inputs: a kernel of 3 x 12 weights.
    const model = json(join(out, 'model', 'model.json'));
    const shapes = model.weightsManifest[0].weights.map((w: { shape: number[] }) => w.shape);
    expect(shapes[0]).toEqual([3, 12]);

    // The best constant under L1 is the median: a model that learnt the linear map beats it by far.
    const scaled = columns.t.map((t) => (t - scaling.targets.mean[0]) / scaling.targets.std[0]);
    const median = [...scaled].sort((x, y) => x - y)[ROWS / 2] as number;
    const constantLoss = mean(scaled.map((t) => Math.abs(t - median)));
    const history = json(join(out, 'history.json'));
    const finalLoss = history.train.at(-1).loss;
    expect(finalLoss).toBeLessThan(0.25 * constantLoss);
  });

  it('refuses several target columns with one line and exit code 2', async () => {
    const run = await runCli(
      ['run', 'data', '--data', 'columns.csv', '--x', 'a,b', '--y', 't,c', '--out', 'no'],
      work,
    );
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'epochlab: --y takes one column (a name or a 0-based index): the data experiment has one target; got "t,c"',
    );
    expect(readdirSync(work)).not.toContain('no');
  });
});
