import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBatchSizeLabConfig } from '@epochlab/experiments';
import { afterAll, describe, expect, it } from 'vitest';
import { labCliCommand } from '../src/lab/lab-cli-command.js';
import { cliArgs, runCli } from './support/cli.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('labCliCommand with the real CLI', () => {
  it('gives a command the CLI accepts, resolving to the same lab config', async () => {
    const config = parseBatchSizeLabConfig({
      experiment: 'batch-size',
      dataset: 'polynomial',
      coefficients: [-1, 0.5, 2],
      n: 12,
      valN: 4,
      sigma: 0.1,
      hidden: [5, 5],
      activation: 'tanh',
      loss: 'mse',
      lr: 0.05,
      shuffle: false,
      epochs: 3,
      valEvery: 2,
      seed: 7,
      batchSizes: [1, 4, 'full'],
      seeds: 2,
      noiseEvery: 2,
      pathStart: [-2, 0.5],
      pathLr: 0.2,
      pathSteps: 20,
    });
    const dir = await mkdtemp(join(tmpdir(), 'epochlab-web-lab-cli-'));
    dirs.push(dir);
    const out = join(dir, 'run');
    const command = labCliCommand(config, 'cpu');
    expect(command).toContain('--coefficients=-1,0.5,2');
    const run = await runCli([...cliArgs(command), '--quiet', '--out', out], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const written = JSON.parse(await readFile(join(out, 'config.json'), 'utf8'));
    expect(written).toEqual(config);
  });
});
