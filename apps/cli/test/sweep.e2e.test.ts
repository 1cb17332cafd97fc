import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from './run-cli.js';
import { readJson, useWorkFolder } from './support/work-folder.js';

const work = useWorkFolder('epochlab-sweep-');

/** A small sweep: 6 configurations x 2 seeds of the notebook's line, 120 epochs each, on cpu. */
const GRID = ['--lr', '0.001,0.01,0.05', '--batch-size', '1,5', '--epochs', '120'];
const SMALL = ['sweep', 'line', ...GRID, '--seeds', '2', '--backend', 'cpu', '--quiet'];

/** Every file that must come out the same whatever the workers, the sharding or a resume. */
const SAME_FILES = [
  'sweep.json',
  'runs.json',
  'runs.csv',
  'configurations.json',
  'configurations.csv',
  'curves.json',
  'best.json',
];

function expectSameFiles(folder: string, reference: string): void {
  for (const name of SAME_FILES) {
    expect(readFileSync(join(folder, name), 'utf8'), name).toBe(
      readFileSync(join(reference, name), 'utf8'),
    );
  }
}

interface RunRow {
  configuration: number;
  seed: number;
  status: string;
  bestValLoss: number | null;
  bestValEpoch: number | null;
  finalTrainLoss: number | null;
  finalValLoss: number | null;
}

describe('epochlab sweep', () => {
  it('writes the same results with 1 and 2 workers, and with 2 shards merged', async () => {
    const [one, two, first, second] = await Promise.all([
      runCli([...SMALL, '--workers', '1', '--out', 'one'], work.path),
      runCli([...SMALL, '--workers', '2', '--out', 'two'], work.path),
      runCli([...SMALL, '--workers', '1', '--shard', '1/2', '--out', 'shard-1'], work.path),
      runCli([...SMALL, '--workers', '1', '--shard', '2/2', '--out', 'shard-2'], work.path),
    ]);
    for (const run of [one, two, first, second]) expect(run.stderr).toBe('');
    expect([one.code, two.code, first.code, second.code]).toEqual([0, 0, 0, 0]);
    const merge = await runCli(
      ['sweep', 'merge', 'shard-2', 'shard-1', '--out', 'merged', '--quiet'],
      work.path,
    );
    expect(merge.stderr).toBe('');
    expect(merge.code).toBe(0);
    const reference = join(work.path, 'one');
    expectSameFiles(join(work.path, 'two'), reference);
    expectSameFiles(join(work.path, 'merged'), reference);
    expect(readJson<{ workers: number }>(join(work.path, 'two', 'timings.json')).workers).toBe(2);

    // The shards split the 6 configurations round robin: 0, 2, 4 and 1, 3, 5.
    const shardRuns = readJson<RunRow[]>(join(work.path, 'shard-1', 'runs.json'));
    expect([...new Set(shardRuns.map((row) => row.configuration))]).toEqual([0, 2, 4]);
    const runs = readJson<RunRow[]>(join(reference, 'runs.json'));
    expect(runs).toHaveLength(12);
    for (const name of ['heatmap.svg', 'heatmap.png', 'bands.svg', 'bands.png']) {
      expect(existsSync(join(reference, name)), name).toBe(true);
    }
  }, 120_000);

  it("gives each configuration's mean and std over its seeds, as computed by hand from runs.json", async () => {
    const folder = join(work.path, 'one');
    const runs = readJson<RunRow[]>(join(folder, 'runs.json'));
    const rows = readJson<
      {
        index: number;
        bestValLoss: { mean: number; std: number };
        finalTrainLoss: { mean: number; std: number };
      }[]
    >(join(folder, 'configurations.json'));
    expect(rows.map((row) => row.index)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const row of rows) {
      const mine = runs.filter((run) => run.configuration === row.index);
      expect(mine.map((run) => run.seed)).toEqual([0, 1]);
      for (const key of ['bestValLoss', 'finalTrainLoss'] as const) {
        const [a, b] = mine.map((run) => run[key] as number) as [number, number];
        // Two values: mean (a + b) / 2; sample std |a - b| / sqrt(2).
        expect(row[key].mean).toBeCloseTo((a + b) / 2, 14);
        expect(row[key].std).toBeCloseTo(Math.abs(a - b) / Math.SQRT2, 14);
      }
    }
    // best.json: the lowest mean best validation loss, and the command that reruns its seed 0.
    const best = readJson<{ index: number; command: string; mean: number }>(
      join(folder, 'best.json'),
    );
    const lowest = Math.min(...rows.map((row) => row.bestValLoss.mean));
    expect(best.mean).toBe(lowest);
    expect(best.index).toBe(rows.find((row) => row.bestValLoss.mean === lowest)?.index);
    expect(best.command).toMatch(/^epochlab run line .*--epochs 120/);
  });

  it("best.json's command reruns seed 0 of the best configuration to the same numbers", async () => {
    const folder = join(work.path, 'one');
    const best = readJson<{ index: number; command: string }>(join(folder, 'best.json'));
    const args = best.command.split(' ').slice(1);
    const rerun = await runCli(
      [...args, '--backend', 'cpu', '--quiet', '--out', 'best-run'],
      work.path,
    );
    expect(rerun.code).toBe(0);
    const summary = readJson<{ bestValLoss: number; finalTrainLoss: number }>(
      join(work.path, 'best-run', 'summary.json'),
    );
    const run0 = readJson<RunRow[]>(join(folder, 'runs.json')).find(
      (run) => run.configuration === best.index && run.seed === 0,
    );
    expect(summary.bestValLoss).toBe(run0?.bestValLoss);
    expect(summary.finalTrainLoss).toBe(run0?.finalTrainLoss);
  }, 60_000);

  it('resumes: only the configurations the folder lacks run, and the result equals a whole sweep', async () => {
    const part = await runCli(
      [
        'sweep',
        'line',
        '--lr',
        '0.001,0.01',
        '--batch-size',
        '1,5',
        '--epochs',
        '120',
        '--seeds',
        '2',
        '--backend',
        'cpu',
        '--quiet',
        '--out',
        'part',
      ],
      work.path,
    );
    expect(part.code).toBe(0);
    const resumed = await runCli(
      [
        'sweep',
        'line',
        ...GRID,
        '--seeds',
        '2',
        '--backend',
        'cpu',
        '--resume',
        'part',
        '--out',
        'resumed',
      ],
      work.path,
    );
    expect(resumed.code).toBe(0);
    // 4 of the 6 configurations were in `part`: 2 configurations (4 runs) train now.
    expect(resumed.stderr).toContain(
      '6 configurations x 2 seeds = 12 runs (4 already finished in part)',
    );
    const trained = resumed.stderr.split('\n').filter((line) => /^\[\d+\/6\]/.test(line));
    expect(trained.map((line) => line.split(' ')[1]).sort()).toEqual(['#4', '#5']);
    expectSameFiles(join(work.path, 'resumed'), join(work.path, 'one'));
    // Its throughput counts the 4 runs trained here (120 epochs each), not the 8 reused.
    const timings = readJson<{
      runs: number;
      reusedRuns: number;
      seconds: number;
      runEpochsPerSecond: number;
    }>(join(work.path, 'resumed', 'timings.json'));
    expect([timings.runs, timings.reusedRuns]).toEqual([4, 8]);
    expect(timings.runEpochsPerSecond).toBeCloseTo((4 * 120) / timings.seconds, 6);
  }, 120_000);

  it('keeps every finished configuration on Ctrl-C, and --resume finishes the sweep', async () => {
    const args = [
      'sweep',
      'line',
      '--lr',
      '0.001,0.005,0.01',
      '--epochs',
      '60000', // a second or two per configuration
      '--seeds',
      '1',
      '--workers',
      '1',
      '--backend',
      'cpu',
    ];
    const { child, done } = startCli([...args, '--out', 'stopped'], work.path);
    let stderr = '';
    let sent = false;
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
      if (!sent && stderr.includes('[1/3]')) {
        sent = true; // once: a second Ctrl-C quits without saving
        child.kill('SIGINT');
      }
    });
    const stopped = await done;
    expect(stopped.code, stopped.stderr).toBe(130);
    const record = readJson<{ configurations: number; finished: number }>(
      join(work.path, 'stopped', 'sweep.json'),
    );
    expect(record.configurations).toBe(3);
    expect(record.finished).toBeGreaterThanOrEqual(1);
    expect(record.finished).toBeLessThan(3);
    const runs = readJson<RunRow[]>(join(work.path, 'stopped', 'runs.json'));
    expect(runs).toHaveLength(record.finished);

    const [resumed, whole] = await Promise.all([
      runCli([...args, '--quiet', '--resume', 'stopped', '--out', 'finished'], work.path),
      runCli([...args, '--quiet', '--out', 'uninterrupted'], work.path),
    ]);
    expect([resumed.code, whole.code]).toEqual([0, 0]);
    expectSameFiles(join(work.path, 'finished'), join(work.path, 'uninterrupted'));
  }, 180_000);

  it('trains a float32 network in its threads to the numbers `run` gives in the main thread', async () => {
    // Two layers of 64 train on the float32 products, with relaxed SIMD's fused multiply-add
    // where the engine has it (Node 20: behind a V8 flag that enable-relaxed-simd turns on only
    // while the package compiles): a sweep thread must compile the same module as the main one.
    // 200 epochs at lr 0.01: there the final loss of the fused and the plain products differ.
    const wide = ['line', '--hidden', '64,64', '--epochs', '200', '--lr', '0.01'];
    const quiet = ['--backend', 'cpu', '--quiet'];
    const [sweep, run] = await Promise.all([
      runCli(['sweep', ...wide, ...quiet, '--seeds', '1', '--out', 'wide-sweep'], work.path),
      runCli(['run', ...wide, ...quiet, '--seed', '0', '--out', 'wide-run'], work.path),
    ]);
    expect([sweep.code, run.code]).toEqual([0, 0]);
    const [row] = readJson<RunRow[]>(join(work.path, 'wide-sweep', 'runs.json'));
    const summary = readJson<{ finalTrainLoss: number; bestValLoss: number; trainingPath: string }>(
      join(work.path, 'wide-run', 'summary.json'),
    );
    expect(summary.trainingPath).toMatch(/^fused-wasm-simd-f32/);
    expect(row?.finalTrainLoss).toBe(summary.finalTrainLoss);
    expect(row?.bestValLoss).toBe(summary.bestValLoss);
  }, 60_000);

  it('runs a sweep file, and reads list fields split by ";" from flags', async () => {
    writeFileSync(
      join(work.path, 'my-sweep.json'),
      JSON.stringify({
        experiment: 'line',
        grid: { hidden: [[12, 12, 16], [8]], epochs: [30] },
        seeds: 2,
      }),
    );
    const [file, flags] = await Promise.all([
      runCli(
        ['sweep', './my-sweep.json', '--backend', 'cpu', '--quiet', '--out', 'from-file'],
        work.path,
      ),
      runCli(
        [
          'sweep',
          'line',
          '--hidden',
          '12,12,16;8',
          '--epochs',
          '30',
          '--seeds',
          '2',
          '--backend',
          'cpu',
          '--quiet',
          '--out',
          'from-flags',
        ],
        work.path,
      ),
    ]);
    expect([file.code, flags.code]).toEqual([0, 0]);
    expectSameFiles(join(work.path, 'from-file'), join(work.path, 'from-flags'));
    const rows = readJson<{ values: { hidden: number[] } }[]>(
      join(work.path, 'from-file', 'configurations.json'),
    );
    expect(rows.map((row) => row.values.hidden)).toEqual([[12, 12, 16], [8]]);
  }, 60_000);
});

describe('epochlab sweep refuses bad input with one line, exit 2 and nothing written', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'an empty list',
      ['--lr', ''],
      /^epochlab: --lr has an empty list; give at least one value, such as 0\.001$/,
    ],
    [
      'a field the experiment does not have',
      ['--coefficients', '1,0'],
      /^epochlab: --coefficients is not a field of the line experiment; its fields: --slope, --intercept, --n, /,
    ],
    [
      'a field that cannot vary',
      ['--experiment', 'line,sine'],
      /^epochlab: --experiment cannot vary: /,
    ],
    [
      'several seeds as a field',
      ['--seed', '0,1'],
      /^epochlab: --seed cannot vary: runs differ in seed through --seeds N/,
    ],
    [
      'a grid over 100,000 runs without --yes',
      [
        '--n',
        Array.from({ length: 400 }, (_, i) => i + 1).join(','),
        '--val-n',
        Array.from({ length: 300 }, (_, i) => i).join(','),
      ],
      /^epochlab: the sweep has 120000 configurations x 1 seeds = 120000 runs, over 100000; add --yes/,
    ],
    [
      'a bad shard',
      ['--lr', '0.01', '--shard', '3/2'],
      /^epochlab: --shard must be i\/N with N from 1 to 100000 and i from 1 to N, such as 1\/4; got "3\/2"$/,
    ],
    [
      'a bad value',
      ['--lr', '0.01,-1'],
      /^epochlab: --lr\[1\] must be a number > 0 and <= 10; got -1$/,
    ],
    [
      'bad --axes',
      ['--lr', '0.01,0.1', '--axes', 'lr,momentum'],
      /^epochlab: --axes must be two different fields the sweep varies/,
    ],
    [
      'bad --workers',
      ['--lr', '0.01', '--workers', '0'],
      /^epochlab: --workers must be a whole number from 1 to 256; got 0$/,
    ],
    [
      'a field other than yes/no without values',
      ['--lr', '--early-stopping'],
      /^epochlab: --lr needs a list of values, such as --lr 0\.001,0\.01$/,
    ],
    [
      '--resume of a folder no sweep wrote',
      ['--lr', '0.01', '--resume', 'nowhere'],
      /^epochlab: nowhere is not a sweep folder: it has no sweep\.json$/,
    ],
  ];
  it.each(cases)('%s', async (name, flags, message) => {
    const cwd = join(work.path, `bad-${name.replaceAll(/[^a-z0-9]+/g, '-')}`);
    await import('node:fs').then((fs) => fs.mkdirSync(cwd, { recursive: true }));
    const run = await runCli(['sweep', 'line', ...flags, '--out', 'out'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
    expect(run.stdout).toBe('');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('merge refuses a folder that is not a sweep and an incomplete set of shards', async () => {
    const notSweep = await runCli(['sweep', 'merge', 'one', 'nowhere', '--out', 'm1'], work.path);
    expect(notSweep.code).toBe(2);
    expect(notSweep.stderr).toBe('epochlab: nowhere is not a sweep folder: it has no sweep.json\n');
    const missing = await runCli(['sweep', 'merge', 'shard-1', '--out', 'm2'], work.path);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("epochlab: shard 2/2 missing; give every shard's folder\n");
    expect(existsSync(join(work.path, 'm1')) || existsSync(join(work.path, 'm2'))).toBe(false);
  });
});
