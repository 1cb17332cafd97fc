import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { type LossPoint, readJson, useWorkFolder } from './support/work-folder.js';

const work = useWorkFolder('epochlab-compare-');

interface Summary {
  status: string;
  epochsRun: number;
  bestValLoss: number | null;
  bestValEpoch: number | null;
  finalTrainLoss: number | null;
  finalValLoss: number | null;
  seconds: number;
}

const QUIET = ['--backend', 'cpu', '--quiet'];

/** Two line runs that differ in hidden, lr and epochs; a sine run; all made once. */
beforeAll(async () => {
  const runs = [
    ['run', 'line', '--epochs', '60', '--lr', '0.01', '--out', 'r1'],
    ['run', 'line', '--epochs', '40', '--lr', '0.02', '--hidden', '8,8', '--out', 'r2'],
    ['run', 'sine', '--epochs', '30', '--out', 'wave'],
  ];
  for (const args of runs) {
    const run = await runCli([...args, ...QUIET], work.path);
    expect(run.code).toBe(0);
  }
}, 60_000);

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').trim().split('\n');
}

describe('epochlab compare', () => {
  it('writes the differing fields, the outcomes and the charts of two runs', async () => {
    const run = await runCli(['compare', 'r1', 'r2', '--out', 'cmp'], work.path);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = join(work.path, 'cmp');
    expect(readdirSync(out).sort()).toEqual([
      'comparison.json',
      'differences.csv',
      'fit.png',
      'fit.svg',
      'loss.png',
      'loss.svg',
      'outcomes.csv',
    ]);
    // By hand: the runs differ in hidden, lr and epochs, in the form's order.
    expect(lines(join(out, 'differences.csv'))).toEqual([
      'field,r1,r2',
      'hidden,"12,12,16","8,8"',
      'lr,0.01,0.02',
      'epochs,60,40',
    ]);

    const rows = lines(join(out, 'outcomes.csv'));
    expect(rows[0]).toBe(
      'label,experiment,status,epochs,epochsRun,bestValLoss,bestValEpoch,finalTrainLoss,finalValLoss,seconds',
    );
    for (const [index, name] of ['r1', 'r2'].entries()) {
      const summary = readJson<Summary>(join(work.path, name, 'summary.json'));
      const history = readJson<{ train: LossPoint[]; val: LossPoint[] }>(
        join(work.path, name, 'history.json'),
      );
      const best = history.val.reduce((low, point) => (point.loss < low.loss ? point : low));
      const epochs = name === 'r1' ? 60 : 40;
      expect(rows[index + 1]).toBe(
        [
          name,
          'line',
          'completed',
          epochs,
          epochs,
          best.loss,
          best.epoch,
          history.train.at(-1)?.loss,
          history.val.at(-1)?.loss,
          summary.seconds,
        ].join(','),
      );
    }

    const comparison = readJson<{ leftOut: string[]; sameData: boolean }>(
      join(out, 'comparison.json'),
    );
    expect(comparison.sameData).toBe(true);
    expect(comparison.leftOut).toEqual([
      "loss curves: the runs have different lengths (60, 40 epochs run); each curve ends at its run's last epoch and final losses are not at the same epoch",
    ]);
    const loss = readFileSync(join(out, 'loss.svg'), 'utf8');
    for (const label of ['r1: train', 'r1: validation', 'r2: train', 'r2: validation']) {
      expect(loss).toContain(label);
    }
    const fit = readFileSync(join(out, 'fit.svg'), 'utf8');
    expect(fit).toContain('r1, after 60 epochs');
    expect(fit).toContain('r2, after 40 epochs');
  });

  it('prints the same comparison with --json and writes nothing', async () => {
    const before = readdirSync(work.path).sort();
    const run = await runCli(['compare', 'r1', 'r2', '--json'], work.path);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { differences: { field: string }[] };
    expect(printed.differences.map((difference) => difference.field)).toEqual([
      'hidden',
      'lr',
      'epochs',
    ]);
    expect(readdirSync(work.path).sort()).toEqual(before);
  });

  it('compares runs of different experiments where it makes sense and says what it left out', async () => {
    const run = await runCli(['compare', 'r1', 'wave', '--out', 'mixed'], work.path);
    expect(run.code).toBe(0);
    const out = join(work.path, 'mixed');
    expect(existsSync(join(out, 'fit.svg'))).toBe(false);
    expect(existsSync(join(out, 'loss.svg'))).toBe(true);
    const differences = lines(join(out, 'differences.csv'));
    expect(differences.slice(0, 3)).toEqual(['field,r1,wave', 'experiment,line,sine', 'slope,1,']);
    expect(run.stdout).toContain(
      'left out: fit chart: the runs are of different experiments (line, sine)',
    );
  });

  it('writes runs/compare-<date>-<time> by default', async () => {
    const cwd = mkdtempSync(join(work.path, 'default-'));
    const run = await runCli(['compare', '../r1', '../r2', '--quiet'], cwd);
    expect(run.code).toBe(0);
    expect(readdirSync(join(cwd, 'runs'))).toEqual([
      expect.stringMatching(/^compare-\d{8}-\d{6}$/),
    ]);
  });
});

describe('epochlab compare, bad input', () => {
  beforeAll(() => {
    mkdirSync(join(work.path, 'empty-folder'), { recursive: true });
    writeFileSync(join(work.path, 'notes.txt'), 'not a run\n');
  });

  const cases: [string, string[], RegExp][] = [
    ['one run', ['r1'], /^epochlab: compare needs at least two run folders; got only r1\n$/],
    ['no run', [], /^epochlab: missing required argument 'run-folder'\n$/],
    ['a missing folder', ['r1', 'nowhere'], /^epochlab: nowhere does not exist\n$/],
    [
      'a folder that is not a run',
      ['r1', 'empty-folder'],
      /^epochlab: empty-folder is not a run folder: no config.json, summary.json, history.json \(compare takes folders written by epochlab run\)\n$/,
    ],
    ['a file', ['r1', 'notes.txt'], /^epochlab: notes.txt is not a run folder: it is a file\n$/],
    ['a run given twice', ['r1', './r1'], /^epochlab: .\/r1 is given twice; give each run once\n$/],
  ];

  it.each(cases)(
    '%s: exit code 2, one clear line, nothing written',
    async (_, folders, message) => {
      const before = readdirSync(work.path).sort();
      const run = await runCli(['compare', ...folders, '--out', 'never'], work.path);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
      expect(readdirSync(work.path).sort()).toEqual(before);
    },
  );
});
