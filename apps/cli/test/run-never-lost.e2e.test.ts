import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliRun, runCli, startCli } from './run-cli.js';
import { SIMULATED_DISK, smallDisk } from './support/small-disk.js';
import { type LossPoint, readJson, useWorkFolder } from './support/work-folder.js';

const work = useWorkFolder('epochlab-never-lost-');

/** A fresh empty folder to run in. */
function freshDir(): string {
  return mkdtempSync(join(work.path, 'case-'));
}

/** Resolves once the child's stderr contains `text`. */
function stderrReaches(child: ReturnType<typeof startCli>['child'], text: string): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) resolve();
    });
  });
}

/** One clear line on stderr (no stack trace), nothing on stdout. */
function expectOneLineError(run: CliRun, code: number, message: RegExp): void {
  expect(run.code).toBe(code);
  expect(run.stderr.trim()).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at |unexpected error/);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stdout).toBe('');
}

/** No staging folder left next to the run folders. */
function expectNoStaging(folder: string): void {
  expect(readdirSync(folder).filter((name) => name.includes('partial'))).toEqual([]);
}

describe('a diverging run writes its folder and exits 1', () => {
  const cases: [string, string[]][] = [
    ['mse with lr 2', ['--loss', 'mse', '--lr', '2']],
    ['l1 with lr 10', ['--loss', 'l1', '--lr', '10']],
    ['huber with lr 10', ['--loss', 'huber', '--lr', '10']],
    ['data on a scale of 1e20', ['--range', '1e20']],
  ];

  it.each(cases)('%s', async (_, flags) => {
    const cwd = freshDir();
    const run = await runCli(
      ['run', 'line', ...flags, '--epochs', '2000', '--backend', 'cpu', '--out', 'dv'],
      cwd,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at |unexpected error/);
    expect(run.stdout).toMatch(/training diverged at epoch \d+: the (training|validation) loss/);
    const out = join(cwd, 'dv');
    const summary = readJson<Record<string, unknown>>(join(out, 'summary.json'));
    expect(summary.status).toBe('diverged');
    expect(summary.divergenceReason).toMatch(/loss became (NaN|infinite) at epoch \d+/);
    const history = readJson<{ train: LossPoint[]; val: LossPoint[] }>(join(out, 'history.json'));
    // The history holds every epoch before the divergence, all finite.
    expect(history.train.map((p) => p.epoch)).toEqual(
      Array.from({ length: history.train.length }, (_, i) => i),
    );
    // A training loss that diverges is not recorded; a validation loss that does
    // comes after that epoch's (finite) training loss.
    const validationDiverged = String(summary.divergenceReason).includes('validation');
    expect(history.train.length).toBe(
      Number(summary.divergedAtEpoch) + (validationDiverged ? 1 : 0),
    );
    expect(history.train.every((p) => Number.isFinite(p.loss))).toBe(true);
    expect(readFileSync(join(out, 'history.csv'), 'utf8').trim().split('\n')).toHaveLength(
      history.train.length + 1,
    );
    for (const chart of ['fit.svg', 'fit.png', 'loss.svg', 'loss.png']) {
      expect(statSync(join(out, chart)).size).toBeGreaterThan(0);
    }
    // A model with NaN weights is not saved, and the fit chart says why it has no curve.
    if (summary.modelSaved === false) {
      expect(existsSync(join(out, 'model'))).toBe(false);
      expect(readFileSync(join(out, 'fit.svg'), 'utf8')).toMatch(/No model curve: the/);
    } else {
      expect(readdirSync(join(out, 'model')).sort()).toEqual(['model.json', 'weights.bin']);
    }
    expectNoStaging(cwd);
  });

  it('prints the summary on stdout with --json --quiet', async () => {
    const cwd = freshDir();
    const run = await runCli(
      [
        'run',
        'line',
        '--loss',
        'mse',
        '--lr',
        '2',
        '--epochs',
        '2000',
        '--backend',
        'cpu',
        '--out',
        'dv',
        '--json',
        '--quiet',
      ],
      cwd,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const printed = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(printed.status).toBe('diverged');
    expect(printed).toEqual(readJson(join(cwd, 'dv', 'summary.json')));
  });
});

describe('a finished run is never deleted', () => {
  const quick = ['run', 'line', '--epochs', '300', '--backend', 'cpu', '--quiet'];

  it('two runs into the same --out at once: both saved, the second under -2', async () => {
    const cwd = freshDir();
    const [a, b] = await Promise.all([
      runCli([...quick, '--out', 'same'], cwd),
      runCli([...quick, '--out', 'same'], cwd),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(readdirSync(cwd).sort()).toEqual(['same', 'same-2']);
    expect(`${a.stderr}${b.stderr}`).toMatch(
      /same was filled by someone else during the run; this run is saved in .*same-2/,
    );
    for (const folder of ['same', 'same-2']) {
      expect(readJson<{ status: string }>(join(cwd, folder, 'summary.json')).status).toBe(
        'completed',
      );
    }
  });

  it('three runs with default names started together: three folders', async () => {
    const cwd = freshDir();
    const runs = await Promise.all([1, 2, 3].map(() => runCli(quick, cwd)));
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0]);
    const folders = readdirSync(join(cwd, 'runs'));
    expect(folders).toHaveLength(3);
    for (const folder of folders) {
      expect(folder).toMatch(/^line-\d{8}-\d{6}(-\d+)?$/);
      expect(existsSync(join(cwd, 'runs', folder, 'summary.json'))).toBe(true);
    }
    expectNoStaging(join(cwd, 'runs'));
  });

  it("keeps files put into an empty --out during the run, and the folder's mode and setgid", async () => {
    const cwd = freshDir();
    mkdirSync(join(cwd, 'filled'));
    mkdirSync(join(cwd, 'kept'));
    chmodSync(join(cwd, 'kept'), 0o2750);
    const filled = startCli(
      ['run', 'line', '--epochs', '1000000', '--backend', 'cpu', '--out', 'filled'],
      cwd,
    );
    await stderrReaches(filled.child, 'training line');
    writeFileSync(join(cwd, 'filled', 'notes.txt'), 'mine');
    filled.child.kill('SIGINT');
    const kept = await runCli([...quick, '--out', 'kept'], cwd);
    expect((await filled.done).code).toBe(130);
    expect(readFileSync(join(cwd, 'filled', 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(join(cwd, 'filled'))).toEqual(['notes.txt']);
    expect(existsSync(join(cwd, 'filled-2', 'summary.json'))).toBe(true);

    expect(kept.code).toBe(0);
    expect(statSync(join(cwd, 'kept')).mode & 0o7777).toBe(0o2750);
    expect(existsSync(join(cwd, 'kept', 'summary.json'))).toBe(true);
  }, 60_000);

  it('a symlink --out keeps the link and writes where it points', async () => {
    const cwd = freshDir();
    mkdirSync(join(cwd, 'target'));
    symlinkSync('target', join(cwd, 'link'));
    const run = await runCli([...quick, '--out', 'link'], cwd);
    expect(run.code).toBe(0);
    expect(lstatSync(join(cwd, 'link')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(cwd, 'link'))).toBe('target');
    expect(existsSync(join(cwd, 'target', 'summary.json'))).toBe(true);
  });

  it('removes and reports staging folders that killed runs left behind', async () => {
    const cwd = freshDir();
    // The pid of a process that has ended: its staging folder is stale.
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    mkdirSync(join(cwd, `.epochlab-partial-${ended}-0a1b2c3d`, 'model'), { recursive: true });
    mkdirSync(join(cwd, `.old-run.partial-${ended}`));
    // The staging folder of a process that still runs is left alone.
    mkdirSync(join(cwd, `.epochlab-partial-${process.pid}-0a1b2c3d`));
    const run = await runCli([...quick, '--out', 'next'], cwd);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(`removed .*\\.epochlab-partial-${ended}-0a1b2c3d, left behind by a run`),
    );
    expect(run.stderr).toMatch(new RegExp(`removed .*\\.old-run\\.partial-${ended}`));
    expect(readdirSync(cwd).sort()).toEqual([`.epochlab-partial-${process.pid}-0a1b2c3d`, 'next']);
  });
});

describe('large data', () => {
  it('--n 150000 trains and writes a fit chart drawn from a bounded sample', async () => {
    const cwd = freshDir();
    const run = await runCli(
      [
        'run',
        'line',
        '--n',
        '150000',
        '--val-n',
        '20000',
        '--batch-size',
        '1024',
        '--epochs',
        '1',
        '--backend',
        'cpu',
        '--quiet',
        '--out',
        'big',
      ],
      cwd,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const svg = readFileSync(join(cwd, 'big', 'fit.svg'), 'utf8');
    // 2,000 training and 2,000 validation points of 170,000, and the caption says so.
    expect(svg).toMatch(/Showing 4,000 of 170,000 points \(an evenly spaced sample\)/);
    const dots = svg.match(/<path [^>]*d="M[^"]*"[^>]*>/g) ?? [];
    expect(dots.length).toBeLessThan(4500);
    expect(svg.length).toBeLessThan(3_000_000);
  }, 60_000);
});

describe('checked before training: exit 2, one line, nothing written', () => {
  const cases: [string, string[], RegExp][] = [
    [
      '--sigma 1e308',
      ['--sigma', '1e308'],
      /^epochlab: --sigma is too large: the noise could exceed the largest float32 \(about 3\.4e38\), and training would see infinities; got 1e308$/,
    ],
    ['--range 1e308', ['--range', '1e308'], /^epochlab: --range is too large: .*; got 1e308$/],
    [
      '--epochs 1e309',
      ['--epochs', '1e309'],
      /^epochlab: --epochs must be a whole number from 1 to 10000000; got 1e309$/,
    ],
    [
      'a repeated flag',
      ['--lr', '-1', '--lr', '0.1'],
      /^epochlab: --lr is given twice; give it once$/,
    ],
    [
      '--shuffle with --no-shuffle',
      ['--shuffle', '--no-shuffle'],
      /^epochlab: --shuffle and --no-shuffle are both given; give it once$/,
    ],
    [
      'a 256-byte folder name',
      ['--out', 'x'.repeat(256)],
      /a folder name can be at most 255 bytes long; "x{20}\.\.\." has 256$/,
    ],
  ];

  it.each(cases)('%s', async (_, flags, message) => {
    const cwd = freshDir();
    const run = await runCli(['run', 'line', '--backend', 'cpu', ...flags], cwd);
    expectOneLineError(run, 2, message);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a dangling symlink and a symlink loop as --out', async () => {
    const cwd = freshDir();
    symlinkSync('nowhere', join(cwd, 'dangling'));
    symlinkSync('loop', join(cwd, 'loop'));
    const dangling = await runCli(['run', 'line', '--out', 'dangling'], cwd);
    expectOneLineError(dangling, 2, /dangling is a symbolic link to nowhere, which does not exist/);
    const loop = await runCli(['run', 'line', '--out', 'loop'], cwd);
    expectOneLineError(loop, 2, /loop is a symbolic link that leads back to itself \(ELOOP\)/);
    expect(readdirSync(cwd).sort()).toEqual(['dangling', 'loop']);
  });

  it('a 250-byte folder name works (the staging name does not grow with it)', async () => {
    const cwd = freshDir();
    const name = 'y'.repeat(250);
    const run = await runCli(
      ['run', 'line', '--epochs', '5', '--backend', 'cpu', '--quiet', '--out', name],
      cwd,
    );
    expect(run.code).toBe(0);
    expect(readdirSync(join(cwd, name))).toContain('summary.json');
  });

  it('config files: a BOM is accepted; a device or a huge file is refused at once', async () => {
    const cwd = freshDir();
    writeFileSync(join(cwd, 'bom.json'), '\uFEFF{"experiment": "line", "epochs": 3}');
    const bom = await runCli(['run', 'bom.json', '--backend', 'cpu', '--quiet', '--out', 'b'], cwd);
    expect(bom.stderr).toBe('');
    expect(bom.code).toBe(0);
    expect(readJson<{ epochs: number }>(join(cwd, 'b', 'config.json')).epochs).toBe(3);

    const device = await runCli(['run', '/dev/zero'], cwd);
    expectOneLineError(device, 2, /config file \/dev\/zero must be a regular file/);
    writeFileSync(
      join(cwd, 'huge.json'),
      `{"experiment": "line", "pad": "${'x'.repeat(1 << 20)}"}`,
    );
    const huge = await runCli(['run', 'huge.json'], cwd);
    expectOneLineError(huge, 2, /config file huge.json is larger than 1 MB/);
  });
});

describe('a full or busy disk', () => {
  it('a full disk ends with one line naming the path and the cause, exit 1, nothing left', async () => {
    const cwd = freshDir();
    const disk = smallDisk(join(cwd, 'disk'), 64);
    try {
      const run = await runCli(
        ['run', 'line', '--epochs', '50', '--backend', 'cpu', '--quiet', '--out', 'disk/run'],
        cwd,
        disk.processOptions,
      );
      expectOneLineError(
        run,
        1,
        /^epochlab: cannot write the run folder .*disk\/run: no space left on device \(ENOSPC\) \(writing .*disk\/run\/.+\); nothing was saved$/,
      );
      expect(readdirSync(join(cwd, 'disk')).filter((name) => name !== 'lost+found')).toEqual([]);
    } finally {
      disk.unmount();
    }
  });

  it('a history too large for the free space is refused before training', async () => {
    const cwd = freshDir();
    const disk = smallDisk(join(cwd, 'disk'), 256);
    try {
      const started = performance.now();
      const run = await runCli(
        ['run', 'line', '--epochs', '6000000', '--val-every', '1', '--out', 'disk/run'],
        cwd,
        disk.processOptions,
      );
      expectOneLineError(
        run,
        2,
        /--out disk\/run: the run's history needs at least 288 MB and .*disk has \d+ kB free$/,
      );
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(readdirSync(join(cwd, 'disk'))).toEqual([]);
    } finally {
      disk.unmount();
    }
  });

  it('an empty mount point as --out: refused before training, or one line at the commit', async () => {
    const cwd = freshDir();
    const disk = smallDisk(join(cwd, 'mounted'), 1024);
    try {
      if (disk.real) {
        const run = await runCli(['run', 'line', '--out', 'mounted'], cwd);
        expectOneLineError(run, 2, /--out mounted is a mount point, .* such as mounted\/run$/);
      } else {
        // Without a real mount, the same failure at the rename: one line, exit 1.
        const run = await runCli(
          ['run', 'line', '--epochs', '5', '--backend', 'cpu', '--quiet', '--out', 'mounted'],
          cwd,
          {
            nodeArgs: ['--import', SIMULATED_DISK],
            env: { SIMULATED_DISK_BUSY: join(cwd, 'mounted') },
          },
        );
        expectOneLineError(run, 1, /resource busy or locked \(EBUSY\)/);
      }
      expect(readdirSync(join(cwd, 'mounted'))).toEqual([]);
      expectNoStaging(cwd);
    } finally {
      disk.unmount();
    }
  });
});

describe('signals', () => {
  it('SIGTERM stops training and saves the run marked interrupted, exit 143', async () => {
    const cwd = freshDir();
    const { child, done } = startCli(
      ['run', 'line', '--epochs', '1000000', '--backend', 'cpu', '--out', 'term'],
      cwd,
    );
    await stderrReaches(child, 'training line');
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGTERM');
    const run = await done;
    expect(run.code).toBe(143);
    expect(run.stderr).toMatch(/stopped by SIGTERM: saving the run so far/);
    expect(run.stdout).toMatch(/line experiment interrupted/);
    const summary = readJson<{ status: string; epochsRun: number }>(
      join(cwd, 'term', 'summary.json'),
    );
    expect(summary.status).toBe('interrupted');
    expect(summary.epochsRun).toBeLessThan(1_000_000);
  }, 60_000);

  it('SIGINT after training ended: the message, the status and the exit code agree', async () => {
    const cwd = freshDir();
    const { child, done } = startCli(
      ['run', 'line', '--n', '20000', '--epochs', '40', '--backend', 'cpu', '--out', 'late'],
      cwd,
    );
    await stderrReaches(child, 'epoch 40/40');
    child.kill('SIGINT');
    const run = await done;
    expect(run.stderr).toMatch(/interrupted after training ended: saving the completed run/);
    expect(run.code).toBe(0);
    expect(readJson<{ status: string }>(join(cwd, 'late', 'summary.json')).status).toBe(
      'completed',
    );
  }, 60_000);

  it('a second signal quits at once and leaves nothing behind', async () => {
    const cwd = freshDir();
    const { child, done } = startCli(
      [
        'run',
        'line',
        '--n',
        '20000',
        '--batch-size',
        '1000',
        '--epochs',
        '1000000',
        '--backend',
        'cpu',
        '--out',
        'x',
      ],
      cwd,
    );
    await stderrReaches(child, 'training line');
    child.kill('SIGTERM');
    await stderrReaches(child, 'stopped by SIGTERM');
    child.kill('SIGTERM');
    const run = await done;
    expect(run.code).toBe(143);
    expect(readdirSync(cwd)).toEqual([]);
  }, 60_000);
});
