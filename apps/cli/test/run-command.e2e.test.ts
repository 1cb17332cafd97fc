import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_NAMES, inWords, loosely } from './experiment-names.js';
import { countColours, decodePng } from './png.js';
import { runCli, startCli } from './run-cli.js';
import { type LossPoint, readJson } from './support/work-folder.js';

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'epochlab-cli-'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('epochlab run', () => {
  it('writes a complete, consistent run folder', async () => {
    const out = join(work, 'line-run');
    const run = await runCli(
      ['run', 'line', '--epochs', '55', '--backend', 'cpu', '--out', out],
      work,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(0);

    expect(readdirSync(out).sort()).toEqual(
      [
        'config.json',
        'fit.png',
        'fit.svg',
        'history.csv',
        'history.json',
        'loss.png',
        'loss.svg',
        'model',
        'model-best',
        'summary.json',
      ].sort(),
    );
    expect(readdirSync(join(out, 'model')).sort()).toEqual(['model.json', 'weights.bin']);
    expect(readdirSync(join(out, 'model-best')).sort()).toEqual(['model.json', 'weights.bin']);

    const config = readJson<Record<string, unknown>>(join(out, 'config.json'));
    expect(config).toMatchObject({
      experiment: 'line',
      epochs: 55,
      n: 5,
      valN: 5,
      batchSize: 5,
      valEvery: 10,
    });

    const history = readJson<{ train: LossPoint[]; val: LossPoint[] }>(join(out, 'history.json'));
    expect(history.train.map((p) => p.epoch)).toEqual(Array.from({ length: 55 }, (_, i) => i));
    expect(history.val.map((p) => p.epoch)).toEqual([0, 10, 20, 30, 40, 50]);

    const summary = readJson<Record<string, unknown>>(join(out, 'summary.json'));
    const valLosses = history.val.map((p) => p.loss);
    const best = Math.min(...valLosses);
    expect(summary).toMatchObject({
      experiment: 'line',
      seed: 0,
      backend: 'cpu',
      status: 'completed',
      parameters: 405,
      epochs: 55,
      epochsRun: 55,
      finalTrainLoss: history.train.at(-1)?.loss,
      finalValLoss: history.val.at(-1)?.loss,
      bestValLoss: best,
      bestValEpoch: history.val[valLosses.indexOf(best)]?.epoch,
    });
    expect(summary.seconds).toBeGreaterThan(0);
    expect(summary.epochsPerSecond).toBeCloseTo(55 / (summary.seconds as number), 0);

    const csv = readFileSync(join(out, 'history.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('epoch,train_loss,val_loss');
    expect(csv).toHaveLength(56);
    expect(csv[1]).toBe(`0,${history.train[0]?.loss},${history.val[0]?.loss}`);
    expect(csv[2]).toBe(`1,${history.train[1]?.loss},`);

    for (const chart of ['fit', 'loss']) {
      const png = decodePng(readFileSync(join(out, `${chart}.png`)));
      expect(png.width).toBeGreaterThan(300);
      expect(png.height).toBeGreaterThan(200);
      expect(countColours(png)).toBeGreaterThan(20);
      const svg = readFileSync(join(out, `${chart}.svg`), 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
    }
    expect(readFileSync(join(out, 'loss.svg'), 'utf8')).toContain('epoch');

    // Nothing else is left next to the run folder (no staging folders).
    expect(readdirSync(work).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('gives the same history.json for the same config and seed on cpu', async () => {
    const args = [
      'run',
      'polynomial',
      '--epochs',
      '30',
      '--n',
      '12',
      '--backend',
      'cpu',
      '--quiet',
    ];
    const first = await runCli([...args, '--out', join(work, 'same-1')], work);
    const second = await runCli([...args, '--out', join(work, 'same-2')], work);
    expect([first.code, second.code]).toEqual([0, 0]);
    const a = readFileSync(join(work, 'same-1', 'history.json'), 'utf8');
    const b = readFileSync(join(work, 'same-2', 'history.json'), 'utf8');
    expect(a).toBe(b);
    const third = await runCli([...args, '--seed', '1', '--out', join(work, 'same-3')], work);
    expect(third.code).toBe(0);
    expect(readFileSync(join(work, 'same-3', 'history.json'), 'utf8')).not.toBe(a);
  });

  it('prints only the summary JSON on stdout with --json', async () => {
    const run = await runCli(
      [
        'run',
        'line',
        '--epochs',
        '5',
        '--backend',
        'cpu',
        '--json',
        '--out',
        join(work, 'json-run'),
      ],
      work,
    );
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(summary.epochsRun).toBe(5);
    expect(summary.parameters).toBe(405);
  });

  it('reads a config file, and flags override it', async () => {
    const file = join(work, 'experiment.json');
    writeFileSync(
      file,
      JSON.stringify({
        experiment: 'polynomial',
        coefficients: [1, 0, -1],
        epochs: 3,
        hidden: [4],
      }),
    );
    const out = join(work, 'from-file');
    const run = await runCli(
      ['run', file, '--epochs', '7', '--backend', 'cpu', '--quiet', '--out', out],
      work,
    );
    expect(run.code).toBe(0);
    const config = readJson<Record<string, unknown>>(join(out, 'config.json'));
    expect(config).toMatchObject({
      experiment: 'polynomial',
      coefficients: [1, 0, -1],
      epochs: 7,
      hidden: [4],
    });
    // 1-4-1: (1*4 + 4) + (4*1 + 1) = 13 parameters.
    expect(readJson<Record<string, unknown>>(join(out, 'summary.json')).parameters).toBe(13);
  });

  it('stops on Ctrl-C and still writes a consistent folder marked interrupted', async () => {
    const out = join(work, 'interrupted');
    const { child, done } = startCli(
      ['run', 'line', '--epochs', '1000000', '--backend', 'cpu', '--out', out],
      work,
    );
    await new Promise<void>((resolve) => {
      child.stderr?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('training line')) resolve();
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill('SIGINT');
    const run = await done;
    expect(run.code).toBe(130);
    const summary = readJson<Record<string, unknown>>(join(out, 'summary.json'));
    const history = readJson<{ train: LossPoint[]; val: LossPoint[] }>(join(out, 'history.json'));
    expect(summary.status).toBe('interrupted');
    expect(summary.epochsRun).toBe(history.train.length);
    expect(history.train.length).toBeGreaterThan(0);
    expect(history.train.length).toBeLessThan(1_000_000);
    expect(existsSync(join(out, 'model', 'model.json'))).toBe(true);
  }, 60_000);

  it('stops a diverging run with a clear status and exit code 1', async () => {
    const out = join(work, 'diverged');
    const run = await runCli(
      [
        'run',
        'line',
        '--loss',
        'mse',
        '--lr',
        '10',
        '--range',
        '1000',
        '--epochs',
        '200',
        '--backend',
        'cpu',
        '--out',
        out,
      ],
      work,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/diverged at epoch \d+/);
    const summary = readJson<Record<string, unknown>>(join(out, 'summary.json'));
    expect(summary.status).toBe('diverged');
    const history = readJson<{ train: LossPoint[] }>(join(out, 'history.json'));
    expect(history.train.every((p) => Number.isFinite(p.loss))).toBe(true);
  });
});

describe('bad input', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'an unknown experiment',
      ['run', 'circle'],
      loosely(`unknown experiment "circle"; choose ${inWords(ALL_NAMES, 'or')}`),
    ],
    [
      '--batch-size 0',
      ['run', 'line', '--batch-size', '0'],
      /--batch-size must be a whole number from 1 to 1000000; got 0/,
    ],
    [
      '--epochs -1',
      ['run', 'line', '--epochs', '-1'],
      /--epochs must be a whole number from 1 to 10000000; got -1/,
    ],
    ['--lr abc', ['run', 'line', '--lr', 'abc'], /--lr must be a number > 0 and <= 10; got "abc"/],
    [
      '--coefficients ""',
      ['run', 'polynomial', '--coefficients', ''],
      /--coefficients must hold at least one coefficient/,
    ],
    [
      '--hidden "12,x"',
      ['run', 'line', '--hidden', '12,x'],
      /--hidden must be a list of layer sizes, such as 12,12,16; got "12,x"/,
    ],
    [
      '--slope on a polynomial',
      ['run', 'polynomial', '--slope', '2'],
      /--slope applies only to the line and batch-size experiments/,
    ],
    [
      '--backend webgl',
      ['run', 'line', '--backend', 'webgl'],
      /unknown backend "webgl" for node; valid backends: auto, tensorflow-gpu, tensorflow, cpu, wasm/,
    ],
    [
      'a missing config file',
      ['run', 'missing.json'],
      /cannot read config file missing.json: no such file/,
    ],
    ['an unknown flag', ['run', 'line', '--colour', 'red'], /unknown option '--colour'/],
    [
      '--early-stopping without validation points',
      ['run', 'line', '--early-stopping', '--val-n', '0'],
      /^epochlab: --early-stopping needs validation points: set val-n to 1 or more, or turn early stopping off; got true\n$/,
    ],
    [
      '--patience 0',
      ['run', 'line', '--early-stopping', '--patience', '0'],
      /--patience must be a whole number from 1 to 10000000; got 0/,
    ],
    [
      '--min-delta -1',
      ['run', 'line', '--min-delta=-1'],
      /--min-delta must be a number >= 0; got -1/,
    ],
    [
      'an unwritable --out',
      ['run', 'line', '--out', '/dev/null/run'],
      /--out \/dev\/null\/run cannot be written: \/dev\/null is a file/,
    ],
  ];

  it.each(cases)('%s: exit code 2, one clear line, nothing written', async (_, args, message) => {
    const cwd = mkdtempSync(join(work, 'bad-'));
    const run = await runCli(args, cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('an invalid config file names the file and the field', async () => {
    const cwd = mkdtempSync(join(work, 'bad-'));
    writeFileSync(join(cwd, 'broken.json'), '{"experiment": "line", ');
    writeFileSync(join(cwd, 'wrong.json'), '{"experiment": "line", "batchSize": -3}');
    const broken = await runCli(['run', 'broken.json'], cwd);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/config file broken.json is not valid JSON/);
    const wrong = await runCli(['run', 'wrong.json'], cwd);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(
      /wrong.json: batchSize must be a whole number from 1 to 1000000; got -3/,
    );
    expect(readdirSync(cwd).sort()).toEqual(['broken.json', 'wrong.json']);
  });
});

describe('epochlab list and help', () => {
  it('lists the experiments with their defaults', async () => {
    const run = await runCli(['list'], work);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^line: /m);
    expect(run.stdout).toMatch(/^polynomial: /m);
    expect(run.stdout).toMatch(/--coefficients\s+2,1,0/);
    expect(run.stdout).toMatch(/--epochs\s+20000/);
  });

  it('shows help with examples', async () => {
    const run = await runCli(['run', '--help'], work);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--batch-size <n>');
    expect(run.stdout).toContain('Examples:');
  });
});
