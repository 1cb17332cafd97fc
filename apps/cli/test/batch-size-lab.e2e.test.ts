import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TradeOffReading, tradeOffReadingText } from '@epochlab/experiments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_NAMES, inWords, loosely, namesWithFlag, ONE_MODEL_NAMES } from './experiment-names.js';
import { countColours, decodePng } from './png.js';
import { runCli, startCli } from './run-cli.js';
import { parseXmlOutline } from './xml.js';

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'epochlab-lab-'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Short settings: 20 training points, batch sizes 1, 5 and 20 (full), 2 seeds, 20 epochs. */
/** `args` with the values of some flags replaced (a flag may be given only once). */
function withValues(args: readonly string[], values: Record<string, string>): string[] {
  return args.map((arg, i) => values[args[i - 1] ?? ''] ?? arg);
}

const SHORT = [
  'run',
  'batch-size',
  '--n',
  '20',
  '--val-n',
  '10',
  '--batch-sizes',
  '1,5,full',
  '--seeds',
  '2',
  '--epochs',
  '20',
  '--val-every',
  '5',
  '--noise-every',
  '5',
  '--path-steps',
  '30',
  '--backend',
  'cpu',
];

const CHARTS = [
  'loss-by-epoch',
  'loss-by-step',
  'val-loss-by-epoch',
  'gradient-cosine',
  'gradient-variance',
  'loss-surface',
];

interface LossPoint {
  epoch: number;
  loss: number;
}
interface Spread {
  mean: number;
  std: number;
  min: number;
  max: number;
  count: number;
}
interface BandPoint extends Spread {
  x: number;
}
interface GroupKey {
  label: string;
  batchSize: number;
  stepsPerEpoch: number;
}
interface Histories {
  groups: (GroupKey & {
    runs: { seed: number; status: string; history: { train: LossPoint[]; val: LossPoint[] } }[];
  })[];
}
interface Curves {
  x: string;
  groups: (GroupKey & { train: BandPoint[]; val: BandPoint[] })[];
}
interface NoisePoint {
  epoch: number;
  step: number;
  cosine: Spread;
  variance: Spread;
}
interface LabSummary {
  experiment: string;
  status: string;
  backend: string;
  trainingPath: string;
  seconds: number;
  epochs: number;
  seeds: number;
  n: number;
  valN: number;
  groups: (GroupKey & {
    option: number | string;
    runs: Record<string, number>;
    secondsPerRun: number;
    finalTrainLoss: Spread;
    finalValLoss: Spread | null;
    bestValLoss: Spread | null;
    gradientNoiseEpoch: number | null;
    finalGradientCosine: Spread | null;
    finalGradientVariance: Spread | null;
  })[];
  tradeOff: TradeOffReading | null;
}
interface LinePoint {
  m: number;
  b: number;
  loss: number;
}
interface LineViewFile {
  loss: string;
  start: [number, number];
  lr: number;
  steps: number;
  bounds: { m: [number, number]; b: [number, number] };
  surface: { m: number[]; b: number[]; values: number[] };
  minimum: LinePoint;
  paths: { label: string; batchSize: number; points: LinePoint[] }[];
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function readCsv(path: string): { header: string[]; rows: string[][] } {
  const [header = '', ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n');
  return { header: header.split(','), rows: rows.map((row) => row.split(',')) };
}

/** Mean, sample standard deviation (n - 1), min and max, by their textbook formulas. */
function reference(values: readonly number[]): Spread {
  const count = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / count;
  const squares = values.reduce((a, b) => a + (b - mean) ** 2, 0);
  return {
    mean,
    std: count > 1 ? Math.sqrt(squares / (count - 1)) : 0,
    min: Math.min(...values),
    max: Math.max(...values),
    count,
  };
}

function expectSpread(actual: Spread | null | undefined, values: readonly number[]): void {
  const expected = reference(values);
  expect(actual).toBeDefined();
  if (!actual) return;
  expect(actual.count).toBe(expected.count);
  expect(actual.mean).toBeCloseTo(expected.mean, 12);
  expect(actual.std).toBeCloseTo(expected.std, 12);
  expect(actual.min).toBe(expected.min);
  expect(actual.max).toBe(expected.max);
}

/** PyTorch's L1Loss (mean |m x + b - y|) and its gradient, sign(0) = 0, written out by hand. */
function l1Line(m: number, b: number, xs: readonly number[], ys: readonly number[]) {
  let loss = 0;
  let dm = 0;
  let db = 0;
  xs.forEach((x, i) => {
    const residual = m * x + b - (ys[i] as number);
    loss += Math.abs(residual);
    dm += Math.sign(residual) * x;
    db += Math.sign(residual);
  });
  return { loss: loss / xs.length, dm: dm / xs.length, db: db / xs.length };
}

describe('epochlab run batch-size', () => {
  const out = () => join(work, 'lab');
  let run: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    run = await runCli([...SHORT, '--out', out()], work);
  }, 60_000);

  it('exits 0 and writes every file and chart', () => {
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(0);
    expect(readdirSync(out()).sort()).toEqual(
      [
        'config.json',
        'summary.json',
        'data.csv',
        'curves.json',
        'curves.csv',
        'gradient-noise.json',
        'gradient-noise.csv',
        'histories.json',
        'histories.csv',
        'line-view.json',
        'line-paths.csv',
        ...CHARTS.flatMap((chart) => [`${chart}.svg`, `${chart}.png`]),
      ].sort(),
    );
    // Nothing else is left next to the run folder (no staging folders).
    expect(readdirSync(work).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('prints the start line, progress over all batch sizes and a table per batch size', () => {
    expect(run.stderr).toContain(
      'batch-size lab: 20 + 10 validation points, batch sizes 1, 5, full (20), 2 seeds each, 20 epochs, backend cpu',
    );
    expect(run.stderr).toMatch(/epoch 60\/60 \(100%\).*batch size full \(20\) \(3\/3\)/);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^batch-size lab completed: 3 batch sizes × 2 seeds, 20 epochs/);
    const header = lines.findIndex((line) => line.startsWith('batch size'));
    expect(lines[header]).toMatch(
      /steps\/epoch\s+final val loss\s+best val\s+s\/run\s+cosine at end/,
    );
    expect(lines[header + 1]).toMatch(/^1\s+20\s+\d\.\d+ ± \d/);
    expect(lines[header + 2]).toMatch(/^5\s+4\s+/);
    expect(lines[header + 3]).toMatch(/^full \(20\)\s+1\s+.*1\.000$/);
    expect(run.stdout).toMatch(/^trade-off: lowest final validation loss: /m);
    // The printed reading is summary.json's, in words.
    const { tradeOff } = readJson<LabSummary>(join(out(), 'summary.json'));
    expect(tradeOff).not.toBeNull();
    if (tradeOff) expect(lines).toContain(tradeOffReadingText(tradeOff));
    expect(run.stdout).toContain(`run folder: ${out()}`);
  });

  it('writes the resolved config, which runs again as a config file', async () => {
    const config = readJson<Record<string, unknown>>(join(out(), 'config.json'));
    expect(config).toMatchObject({
      experiment: 'batch-size',
      n: 20,
      valN: 10,
      batchSizes: [1, 5, 'full'],
      seeds: 2,
      epochs: 20,
      noiseEvery: 5,
      pathSteps: 30,
    });
    const again = join(work, 'again');
    const rerun = await runCli(
      ['run', join(out(), 'config.json'), '--epochs', '3', '--quiet', '--out', again],
      work,
    );
    expect(rerun.code).toBe(0);
    expect(readJson<Record<string, unknown>>(join(again, 'config.json'))).toEqual({
      ...config,
      epochs: 3,
    });
  }, 60_000);

  it('summary.json agrees with the runs in histories.json', () => {
    const summary = readJson<LabSummary>(join(out(), 'summary.json'));
    const histories = readJson<Histories>(join(out(), 'histories.json'));
    expect(summary).toMatchObject({
      experiment: 'batch-size',
      status: 'completed',
      backend: 'cpu',
      trainingPath: 'fused-wasm-simd',
      epochs: 20,
      seeds: 2,
      n: 20,
      valN: 10,
    });
    expect(summary.seconds).toBeGreaterThan(0);
    // steps per epoch: ceil(20 / B), the last batch may be short.
    expect(summary.groups.map((g) => [g.label, g.option, g.batchSize, g.stepsPerEpoch])).toEqual([
      ['1', 1, 1, 20],
      ['5', 5, 5, 4],
      ['full (20)', 'full', 20, 1],
    ]);
    expect(histories.groups.map((g) => g.label)).toEqual(['1', '5', 'full (20)']);

    summary.groups.forEach((group, i) => {
      const runs = histories.groups[i]?.runs ?? [];
      expect(runs.map((r) => r.seed)).toEqual([0, 1]);
      expect(group.runs).toEqual({ completed: 2 });
      expect(group.secondsPerRun).toBeGreaterThan(0);
      for (const r of runs) {
        expect(r.history.train.map((p) => p.epoch)).toEqual(
          Array.from({ length: 20 }, (_, e) => e),
        );
        expect(r.history.val.map((p) => p.epoch)).toEqual([0, 5, 10, 15]);
      }
      expectSpread(
        group.finalTrainLoss,
        runs.map((r) => r.history.train.at(-1)?.loss as number),
      );
      expectSpread(
        group.finalValLoss,
        runs.map((r) => r.history.val.at(-1)?.loss as number),
      );
      expectSpread(
        group.bestValLoss,
        runs.map((r) => Math.min(...r.history.val.map((p) => p.loss))),
      );
    });

    // The reading's lowest final validation loss is the lowest mean of the table.
    const means = summary.groups.map((group) => group.finalValLoss?.mean as number);
    const lowest = summary.tradeOff?.findings[0];
    const quoted =
      lowest?.code === 'lowest-final-loss'
        ? lowest.batch.finalLoss
        : lowest?.code === 'tied-lowest-final-loss'
          ? lowest.best
          : undefined;
    expect(quoted).toBe(Math.min(...means));
  });

  it('curves.json and curves.csv hold the bands of the runs, per epoch', () => {
    const curves = readJson<Curves>(join(out(), 'curves.json'));
    const histories = readJson<Histories>(join(out(), 'histories.json'));
    const summary = readJson<LabSummary>(join(out(), 'summary.json'));
    expect(curves.x).toBe('epoch');
    curves.groups.forEach((group, i) => {
      const runs = histories.groups[i]?.runs ?? [];
      expect(group.train.map((p) => p.x)).toEqual(Array.from({ length: 20 }, (_, e) => e));
      for (const point of group.train) {
        expectSpread(
          point,
          runs.map((r) => r.history.train.find((p) => p.epoch === point.x)?.loss as number),
        );
      }
      expect(group.val.map((p) => p.x)).toEqual([0, 5, 10, 15]);
      for (const point of group.val) {
        expectSpread(
          point,
          runs.map((r) => r.history.val.find((p) => p.epoch === point.x)?.loss as number),
        );
      }
      // The final validation loss's mean is the last band point's mean.
      expect(summary.groups[i]?.finalValLoss?.mean).toBeCloseTo(
        group.val.at(-1)?.mean as number,
        12,
      );
    });

    const csv = readCsv(join(out(), 'curves.csv'));
    expect(csv.header).toEqual([
      'batch_size',
      'label',
      'split',
      'epoch',
      'step',
      'mean',
      'std',
      'min',
      'max',
      'count',
    ]);
    expect(csv.rows).toHaveLength(3 * (20 + 4));
    for (const row of csv.rows) {
      const [batchSize, label, split, epoch, step, mean, std, min, max, count] = row;
      const group = curves.groups.find((g) => g.label === label);
      expect(Number(batchSize)).toBe(group?.batchSize);
      const point = (split === 'train' ? group?.train : group?.val)?.find(
        (p) => p.x === Number(epoch),
      );
      expect(Number(step)).toBe((Number(epoch) + 1) * (group?.stepsPerEpoch ?? 0));
      expect([mean, std, min, max, count].map(Number)).toEqual([
        point?.mean,
        point?.std,
        point?.min,
        point?.max,
        point?.count,
      ]);
    }
  });

  it('histories.csv holds every run, epoch by epoch', () => {
    const histories = readJson<Histories>(join(out(), 'histories.json'));
    const csv = readCsv(join(out(), 'histories.csv'));
    expect(csv.header).toEqual(['batch_size', 'label', 'seed', 'epoch', 'train_loss', 'val_loss']);
    expect(csv.rows).toHaveLength(3 * 2 * 20);
    const first = histories.groups[0]?.runs[0]?.history;
    expect(csv.rows[0]).toEqual([
      '1',
      '1',
      '0',
      '0',
      String(first?.train[0]?.loss),
      String(first?.val[0]?.loss),
    ]);
    expect(csv.rows[1]).toEqual(['1', '1', '0', '1', String(first?.train[1]?.loss), '']);
  });

  it('measures gradient noise on epochs 0, 5, 10, 15 and the last; full batch has none', () => {
    const noise = readJson<{ groups: (GroupKey & { points: NoisePoint[] })[] }>(
      join(out(), 'gradient-noise.json'),
    );
    const summary = readJson<LabSummary>(join(out(), 'summary.json'));
    for (const [i, group] of noise.groups.entries()) {
      expect(group.points.map((p) => p.epoch)).toEqual([0, 5, 10, 15, 19]);
      for (const point of group.points) {
        expect(point.step).toBe((point.epoch + 1) * group.stepsPerEpoch);
        expect(point.cosine.count).toBe(2);
        expect(point.cosine.max).toBeLessThanOrEqual(1 + 1e-9);
        expect(point.variance.min).toBeGreaterThanOrEqual(0);
      }
      const last = group.points.at(-1);
      expect(summary.groups[i]?.gradientNoiseEpoch).toBe(19);
      expect(summary.groups[i]?.finalGradientCosine).toEqual(last?.cosine);
      expect(summary.groups[i]?.finalGradientVariance).toEqual(last?.variance);
    }
    const [one, , full] = noise.groups;
    // One batch of all points is the full batch: same gradient, cosine 1, distance 0.
    for (const point of full?.points ?? []) {
      expect(point.cosine.mean).toBeCloseTo(1, 6);
      expect(point.variance.mean).toBeLessThan(1e-10);
    }
    // Single points pull in other directions than the whole set.
    const meanCosine = (points: NoisePoint[] = []) =>
      points.reduce((a, p) => a + p.cosine.mean, 0) / points.length;
    expect(meanCosine(one?.points)).toBeLessThan(0.9);

    const csv = readCsv(join(out(), 'gradient-noise.csv'));
    expect(csv.header).toEqual([
      'batch_size',
      'label',
      'epoch',
      'step',
      'cosine_mean',
      'cosine_std',
      'cosine_min',
      'cosine_max',
      'variance_mean',
      'variance_std',
      'variance_min',
      'variance_max',
      'count',
    ]);
    expect(csv.rows).toHaveLength(3 * 5);
    const firstPoint = noise.groups[0]?.points[0];
    expect(csv.rows[0]?.map(Number)).toEqual([
      1,
      1,
      0,
      20,
      firstPoint?.cosine.mean,
      firstPoint?.cosine.std,
      firstPoint?.cosine.min,
      firstPoint?.cosine.max,
      firstPoint?.variance.mean,
      firstPoint?.variance.std,
      firstPoint?.variance.min,
      firstPoint?.variance.max,
      2,
    ]);
  });

  it('line-view.json: the surface, its minimum and the paths from pathStart', () => {
    const view = readJson<LineViewFile>(join(out(), 'line-view.json'));
    const data = readCsv(join(out(), 'data.csv'));
    expect(data.header).toEqual(['split', 'x', 'y']);
    const train = data.rows.filter((row) => row[0] === 'train');
    expect(train).toHaveLength(20);
    expect(data.rows.filter((row) => row[0] === 'val')).toHaveLength(10);
    // The line view fits the points as the networks train on them: in float32.
    const xs = train.map((row) => Math.fround(Number(row[1])));
    const ys = train.map((row) => Math.fround(Number(row[2])));

    expect(view).toMatchObject({ loss: 'l1', start: [-1, -1.5], steps: 30 });
    const { m, b, values } = view.surface;
    expect(values).toHaveLength(m.length * b.length);
    expect(view.bounds).toEqual({ m: [m[0], m.at(-1)], b: [b[0], b.at(-1)] });
    // Every value is the L1 loss of the line at that grid point (row = b, column = m).
    for (const [row, col] of [
      [0, 0],
      [b.length - 1, m.length - 1],
      [Math.floor(b.length / 2), 3],
    ] as const) {
      expect(values[row * m.length + col]).toBeCloseTo(
        l1Line(m[col] as number, b[row] as number, xs, ys).loss,
        9,
      );
    }
    // The minimum is no higher than any grid value, and inside the bounds.
    expect(view.minimum.loss).toBeLessThanOrEqual(Math.min(...values) + 1e-12);
    expect(view.minimum.loss).toBeCloseTo(l1Line(view.minimum.m, view.minimum.b, xs, ys).loss, 9);

    expect(view.paths.map((path) => [path.label, path.batchSize])).toEqual([
      ['1', 1],
      ['5', 5],
      ['full (20)', 20],
    ]);
    for (const path of view.paths) {
      expect(path.points).toHaveLength(31);
      expect(path.points[0]).toMatchObject({ m: -1, b: -1.5 });
      for (const point of path.points) {
        expect(point.m).toBeGreaterThanOrEqual(view.bounds.m[0]);
        expect(point.m).toBeLessThanOrEqual(view.bounds.m[1]);
        expect(point.b).toBeGreaterThanOrEqual(view.bounds.b[0]);
        expect(point.b).toBeLessThanOrEqual(view.bounds.b[1]);
      }
    }
    // Full batch is plain gradient descent on the L1 loss: (m, b) -= lr * gradient.
    const gd = view.paths[2]?.points ?? [];
    let mb = { m: -1, b: -1.5 };
    for (let step = 1; step <= 5; step++) {
      const g = l1Line(mb.m, mb.b, xs, ys);
      mb = { m: mb.m - view.lr * g.dm, b: mb.b - view.lr * g.db };
      expect(gd[step]?.m).toBeCloseTo(mb.m, 10);
      expect(gd[step]?.b).toBeCloseTo(mb.b, 10);
      expect(gd[step]?.loss).toBeCloseTo(l1Line(mb.m, mb.b, xs, ys).loss, 10);
    }

    const paths = readCsv(join(out(), 'line-paths.csv'));
    expect(paths.header).toEqual(['label', 'batch_size', 'step', 'm', 'b', 'loss']);
    expect(paths.rows).toHaveLength(3 * 31);
    const last = view.paths[2]?.points[30];
    expect(paths.rows.at(-1)).toEqual([
      'full (20)',
      '20',
      '30',
      String(last?.m),
      String(last?.b),
      String(last?.loss),
    ]);
  });

  it('renders every chart as SVG and PNG', () => {
    for (const chart of CHARTS) {
      const svg = readFileSync(join(out(), `${chart}.svg`), 'utf8');
      const outline = parseXmlOutline(svg);
      expect(outline.root).toBe('svg');
      expect(outline.counts.get('path') ?? 0).toBeGreaterThan(3);
      const png = decodePng(readFileSync(join(out(), `${chart}.png`)));
      expect(png.width).toBeGreaterThan(300);
      expect(png.height).toBeGreaterThan(200);
      expect(countColours(png)).toBeGreaterThan(20);
    }
    const legend = ['batch 1', 'batch 5', 'full batch (20)'];
    for (const chart of CHARTS) {
      const text = parseXmlOutline(readFileSync(join(out(), `${chart}.svg`), 'utf8')).text;
      for (const name of legend) expect(text, `${chart} legend`).toContain(name);
    }
    const text = (chart: string) =>
      parseXmlOutline(readFileSync(join(out(), `${chart}.svg`), 'utf8')).text;
    expect(text('loss-by-epoch')).toContain('Epoch');
    expect(text('loss-by-step')).toContain('Gradient steps');
    expect(text('val-loss-by-epoch')).toContain('Validation loss');
    expect(text('gradient-cosine')).toContain('Cosine');
  });
});

describe('epochlab run batch-size --json', () => {
  it('prints only summary.json on stdout', async () => {
    const out = join(work, 'json-lab');
    const run = await runCli(
      [...withValues(SHORT, { '--val-n': '0', '--epochs': '6' }), '--json', '--out', out],
      work,
    );
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as LabSummary;
    expect(printed).toEqual(readJson<LabSummary>(join(out, 'summary.json')));
    expect(printed.groups).toHaveLength(3);
    // Without validation there are no validation numbers and no validation chart.
    expect(printed.groups.every((g) => g.finalValLoss === null && g.bestValLoss === null)).toBe(
      true,
    );
    expect(readdirSync(out)).not.toContain('val-loss-by-epoch.png');
    expect(run.stderr).toMatch(/final train loss/);
  }, 60_000);
});

describe('epochlab run batch-size interrupted', () => {
  it('stops on Ctrl-C and writes what finished, marked interrupted', async () => {
    const out = join(work, 'interrupted-lab');
    const { child, done } = startCli(
      [
        'run',
        'batch-size',
        '--n',
        '20',
        '--val-n',
        '10',
        '--batch-sizes',
        '1,full',
        '--seeds',
        '2',
        '--epochs',
        '1000000',
        '--backend',
        'cpu',
        '--out',
        out,
      ],
      work,
    );
    await new Promise<void>((resolve) => {
      child.stderr?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('batch-size lab:')) resolve();
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 700));
    child.kill('SIGINT');
    const run = await done;
    expect(run.code).toBe(130);
    const summary = readJson<LabSummary>(join(out, 'summary.json'));
    const histories = readJson<Histories>(join(out, 'histories.json'));
    expect(summary.status).toBe('interrupted');
    // The first batch size was stopped; the second never started.
    expect(summary.groups.map((g) => g.label)).toEqual(['1']);
    expect(summary.groups[0]?.runs).toEqual({ interrupted: 2 });
    const epochsRun = histories.groups[0]?.runs[0]?.history.train.length ?? 0;
    expect(epochsRun).toBeGreaterThan(0);
    expect(epochsRun).toBeLessThan(1_000_000);
    expectSpread(
      summary.groups[0]?.finalTrainLoss,
      histories.groups[0]?.runs.map((r) => r.history.train.at(-1)?.loss as number) ?? [],
    );
    for (const chart of ['loss-by-epoch', 'loss-surface']) {
      expect(decodePng(readFileSync(join(out, `${chart}.png`))).width).toBeGreaterThan(300);
    }
    expect(run.stdout).toMatch(/^batch-size lab interrupted: 1\/2 batch sizes/m);
  }, 60_000);
});

describe('epochlab run batch-size: bad input', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'a batch size larger than n',
      ['run', 'batch-size', '--n', '20', '--batch-sizes', '1,5,25'],
      /^epochlab: --batch-sizes must be at most n \(20\) or full; got 25$/,
    ],
    [
      'the default batch sizes with a small n',
      ['run', 'batch-size', '--n', '10'],
      /^epochlab: --batch-sizes must be at most n \(10\) or full; got 25 \(the default is 1,5,25,full\)$/,
    ],
    [
      'a misspelt full',
      ['run', 'batch-size', '--batch-sizes', '1,fuIl'],
      /--batch-sizes .*"1,fuIl"/,
    ],
    [
      'a repeated batch size',
      ['run', 'batch-size', '--n', '25', '--batch-sizes', '1,25,full'],
      /--batch-sizes must not repeat a batch size/,
    ],
    [
      '--seeds 0',
      ['run', 'batch-size', '--seeds', '0'],
      /--seeds must be a whole number from 1 to 64; got 0/,
    ],
    [
      '--dataset circle',
      ['run', 'batch-size', '--dataset', 'circle'],
      /--dataset must be one of line, polynomial/,
    ],
    ['--path-start 1', ['run', 'batch-size', '--path-start', '1'], /--path-start /],
    [
      '--batch-size on the lab',
      ['run', 'batch-size', '--batch-size', '5'],
      loosely(
        `--batch-size applies only to the ${inWords(ONE_MODEL_NAMES)} experiments; the batch-size lab takes --batch-sizes`,
      ),
    ],
    [
      '--seeds on the line',
      ['run', 'line', '--seeds', '3'],
      loosely(`--seeds applies only to the ${inWords(namesWithFlag('seeds'))} experiments`),
    ],
  ];

  it.each(cases)('%s: exit code 2, one clear line, nothing written', async (_, args, message) => {
    const cwd = mkdtempSync(join(work, 'bad-'));
    const run = await runCli(args, cwd);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
    expect(run.stdout).toBe('');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a config file names the file and the field', async () => {
    const cwd = mkdtempSync(join(work, 'bad-'));
    writeFileSync(join(cwd, 'sizes.json'), '{"experiment": "batch-size", "batchSizes": [0]}');
    writeFileSync(join(cwd, 'extra.json'), '{"experiment": "batch-size", "batchSize": 5}');
    writeFileSync(join(cwd, 'unknown.json'), '{"experiment": "batch size"}');
    const sizes = await runCli(['run', 'sizes.json'], cwd);
    expect(sizes.code).toBe(2);
    expect(sizes.stderr).toMatch(
      /^epochlab: sizes.json: batchSizes\[0\] must be a whole number >= 1 or full; got 0$/m,
    );
    const extra = await runCli(['run', 'extra.json'], cwd);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toMatch(/extra.json: batchSize is not a field of the batch-size lab/);
    const unknown = await runCli(['run', 'unknown.json'], cwd);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      loosely(`unknown.json: experiment must be one of ${ALL_NAMES.join(', ')}; got "batch size"`),
    );
    expect(readdirSync(cwd).sort()).toEqual(['extra.json', 'sizes.json', 'unknown.json']);
  });
});

describe('epochlab list and help: the batch-size lab', () => {
  it('lists the lab with its defaults', async () => {
    const run = await runCli(['list'], work);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^batch-size: the batch-size lab/m);
    expect(run.stdout).toMatch(/--batch-sizes\s+1,5,25,full/);
    expect(run.stdout).toMatch(/--seeds\s+8/);
    expect(run.stdout).toMatch(/--path-start\s+-?\d/);
  });

  it('shows the lab in the help', async () => {
    const run = await runCli(['run', '--help'], work);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      loosely(`${ALL_NAMES.join(', ')}, or a path to a config .json file`),
    );
    expect(run.stdout).toMatch(loosely(`[${inWords(namesWithFlag('batch-sizes'))} only]`));
    expect(run.stdout).toMatch(
      loosely(`--batch-size <n> points per mini-batch [${inWords(ONE_MODEL_NAMES)} only]`),
    );
    expect(run.stdout).toContain('epochlab run batch-size ');
  });
});
