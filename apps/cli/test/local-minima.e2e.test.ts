import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalMinimaSummary } from '@epochlab/experiments';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { readJson, useWorkFolder } from './support/work-folder.js';

const work = useWorkFolder('epochlab-local-minima-');

/** A small grid: 2 learning rates x 2 batch sizes, 30 runs each. */
const SHORT = [
  'run',
  'local-minima',
  '--lrs',
  '0.1,0.3',
  '--batch-sizes',
  '1,full',
  '--seeds',
  '30',
  '--path-count',
  '2',
  '--quiet',
];

const CHARTS = ['loss-surface', 'escape-by-batch-size', 'escape-by-lr', 'unsettled-by-lr'];

describe('epochlab run local-minima', () => {
  it('writes the folder: config, summary, tables, paths and every chart as SVG and PNG', async () => {
    const out = join(work.path, 'study');
    const run = await runCli([...SHORT, '--out', out], work.path);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const files = readdirSync(out).sort();
    const expected = [
      'config.json',
      'summary.json',
      'cells.csv',
      'runs.csv',
      'points.csv',
      'valleys.csv',
      'paths.json',
      ...CHARTS.flatMap((chart) => [`${chart}.svg`, `${chart}.png`]),
    ].sort();
    expect(files).toEqual(expected);
    const summary = readJson<LocalMinimaSummary>(join(out, 'summary.json'));
    expect(summary.rows.map((row) => [row.lr, row.label])).toEqual([
      [0.1, '1'],
      [0.1, 'full (32)'],
      [0.3, '1'],
      [0.3, 'full (32)'],
    ]);
    // The full batch ends where it started, in every row and on the drawn path.
    expect(summary.fullBatch.valley).toBe(summary.startValley);
    for (const row of summary.rows.filter((r) => r.label.startsWith('full'))) {
      expect(row.startShare).toBe(1);
    }
    // runs.csv holds 4 cells x 30 runs, and its valley column gives the summary's shares.
    const lines = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1 + 4 * 30);
    const header = (lines[0] ?? '').split(',');
    const column = (name: string) => header.indexOf(name);
    const rows = lines.slice(1).map((line) => line.split(','));
    for (const row of summary.rows) {
      const cell = rows.filter(
        (r) =>
          Number(r[column('lr')]) === row.lr && Number(r[column('batch_size')]) === row.batchSize,
      );
      const global = cell.filter(
        (r) =>
          r[column('diverged')] === 'false' && Number(r[column('valley')]) === summary.globalValley,
      ).length;
      expect(row.globalShare).toBe(global / 30);
    }
    expect(readFileSync(join(out, 'loss-surface.svg'), 'utf8')).toContain('Frequency w');
    expect(readFileSync(join(out, 'escape-by-batch-size.png')).subarray(1, 4).toString()).toBe(
      'PNG',
    );
  });

  it.each([
    [['--lrs', '0.1,0'], '--lrs'],
    [['--batch-sizes', '1,64'], '--batch-sizes'],
    [['--start', '6'], '--start'],
    [['--seeds', '5000'], '--seeds'],
    [['--noise-every', '5'], '--noise-every'],
  ])('exits 2 with one line naming the flag for %j, writing nothing', async (flags, name) => {
    const out = join(work.path, `bad-${name.slice(2)}`);
    const run = await runCli(['run', 'local-minima', ...flags, '--out', out], work.path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(name);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toContain('    at ');
    expect(existsSync(out)).toBe(false);
  });
});
