import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseExperimentConfig, runExperiment } from '@epochlab/experiments';
import { afterAll, describe, expect, it } from 'vitest';
import { cliCommand } from '../src/state/cli-command.js';
import { formConfig } from '../src/state/field-validation.js';
import { withOwnPoints } from '../src/state/own-points.js';
import { POINTS_FILES, pointsToCsv } from '../src/state/points-csv.js';
import { cliArgs, runCli } from './support/cli.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('cliCommand', () => {
  it('is just the experiment for the defaults, with --backend only for cpu and wasm', () => {
    const line = parseExperimentConfig({ experiment: 'line' });
    expect(cliCommand(line, 'auto')).toBe('epochlab run line');
    expect(cliCommand(line, 'webgl')).toBe('epochlab run line');
    expect(cliCommand(line, 'cpu')).toBe('epochlab run line --backend cpu');
  });

  it('writes negative numbers with = and false booleans as --no-', () => {
    const config = parseExperimentConfig({
      experiment: 'line',
      slope: -2,
      shuffle: false,
      hidden: [3, 4],
    });
    expect(cliCommand(config, 'wasm')).toBe(
      'epochlab run line --slope=-2 --hidden 3,4 --no-shuffle --backend wasm',
    );
  });

  it('gives a command the real CLI accepts, resolving to the same config', async () => {
    const config = parseExperimentConfig({
      experiment: 'polynomial',
      coefficients: [-1, 0.5, 2],
      n: 6,
      valN: 3,
      sigma: 0.1,
      range: 2,
      hidden: [5, 5],
      activation: 'tanh',
      loss: 'mse',
      optimizer: 'sgd',
      lr: 0.02,
      momentum: 0.9,
      batchSize: 4,
      shuffle: false,
      epochs: 3,
      valEvery: 2,
      seed: 99,
    });
    const dir = await mkdtemp(join(tmpdir(), 'epochlab-web-cli-'));
    dirs.push(dir);
    const out = join(dir, 'run');
    const run = await runCli([...cliArgs(cliCommand(config, 'cpu')), '--quiet', '--out', out], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const written = JSON.parse(await readFile(join(out, 'config.json'), 'utf8'));
    expect(written).toEqual(config);
  });

  it('reads the data experiment from the files the page saves, resolving to the same config', async () => {
    const fields = formConfig('data', { standardize: false, batchSize: 2, epochs: 3, seed: 7 });
    if (fields.experiment !== 'data') throw new Error('not the data experiment');
    const points = {
      train: { x: [-1, -0.25, 0.5, 1.75], y: [0.1, 2, -3.5e-3, 4] },
      validation: { x: [0, 2], y: [1, -1.5] },
    };
    const config = withOwnPoints(fields, points);
    const line = cliCommand(config, 'cpu');
    expect(line).toBe(
      'epochlab run data --data training-points.csv --val-data validation-points.csv --no-standardize --batch-size 2 --epochs 3 --seed 7 --backend cpu',
    );
    const dir = await mkdtemp(join(tmpdir(), 'epochlab-web-cli-'));
    dirs.push(dir);
    await writeFile(join(dir, POINTS_FILES.train), pointsToCsv(points.train));
    await writeFile(join(dir, POINTS_FILES.validation), pointsToCsv(points.validation));
    const out = join(dir, 'run');
    const run = await runCli([...cliArgs(line), '--quiet', '--out', out], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // config.json leaves the points out (data.json says where they came from) ...
    const { points: _, validationPoints: __, ...fieldsOnly } = config;
    expect(JSON.parse(await readFile(join(out, 'config.json'), 'utf8'))).toEqual(fieldsOnly);
    // ... and the CLI trained on the very same points: its history is the page's config run here.
    const here = await runExperiment(config, { backend: 'cpu' });
    here.model.dispose();
    const history = JSON.parse(await readFile(join(out, 'history.json'), 'utf8'));
    expect(history).toEqual(JSON.parse(JSON.stringify(here.history)));
  });
});
