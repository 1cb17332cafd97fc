import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadMlp } from '@epochlab/models/node';
import { initBackend } from '@epochlab/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { kerasStopEpoch } from './support/keras-stop-epoch.js';
import { type LossPoint, readJson, useWorkFolder } from './support/work-folder.js';

const work = useWorkFolder('epochlab-early-stopping-');

/** The notebook's line with a larger learning rate: it overfits within 2000 epochs. */
const OVERFITTING = ['run', 'line', '--lr', '0.02', '--epochs', '2000', '--seed', '1'];
const CPU = ['--backend', 'cpu', '--quiet'];

interface Summary {
  status: string;
  epochsRun: number;
  bestEpoch: number | null;
  bestValEpoch: number | null;
  restoredBestFromEpoch: number | null;
  bestModelSaved: boolean;
}

/** The lowest validation loss and the first epoch that reached it, by hand. */
function lowest(val: readonly LossPoint[]): LossPoint {
  return val.reduce((best, point) => (point.loss < best.loss ? point : best));
}

const xs = Array.from({ length: 21 }, (_, i) => -1 + i / 10);

async function predictions(modelFolder: string): Promise<Float32Array> {
  const model = await loadMlp(modelFolder);
  const y = model.predict(xs);
  model.dispose();
  return y;
}

beforeAll(async () => {
  await initBackend('cpu');
});

describe('epochlab run --early-stopping', () => {
  it('stops where Keras’s rule says and keeps the model of the best epoch in model-best/', async () => {
    const fullOut = join(work.path, 'full');
    const full = await runCli([...OVERFITTING, ...CPU, '--out', fullOut], work.path);
    expect(full.code).toBe(0);
    const fullHistory = readJson<{ val: LossPoint[] }>(join(fullOut, 'history.json'));
    const expectedStop = kerasStopEpoch(fullHistory.val, 300);
    expect(expectedStop).toBeDefined();

    const out = join(work.path, 'stopped');
    const run = await runCli(
      [...OVERFITTING, ...CPU, '--early-stopping', '--patience', '300', '--out', out],
      work.path,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = readJson<Summary>(join(out, 'summary.json'));
    const history = readJson<{ train: LossPoint[]; val: LossPoint[] }>(join(out, 'history.json'));
    expect(summary.status).toBe('stopped-early');
    expect(history.train.at(-1)?.epoch).toBe(expectedStop);
    expect(summary.epochsRun).toBe((expectedStop as number) + 1);
    const best = lowest(history.val);
    expect(summary.bestEpoch).toBe(best.epoch);
    expect(summary.bestValEpoch).toBe(best.epoch);
    expect(summary.bestModelSaved).toBe(true);
    expect(summary.restoredBestFromEpoch).toBeNull();

    // model-best/ is the model of a run of the same config that ended at the best epoch.
    const endedAtBest = join(work.path, 'ended-at-best');
    const rerun = await runCli(
      [
        'run',
        'line',
        '--lr',
        '0.02',
        '--epochs',
        String(best.epoch + 1),
        '--seed',
        '1',
        ...CPU,
        '--out',
        endedAtBest,
      ],
      work.path,
    );
    expect(rerun.code).toBe(0);
    expect(await predictions(join(out, 'model-best'))).toEqual(
      await predictions(join(endedAtBest, 'model')),
    );
    expect(await predictions(join(out, 'model'))).not.toEqual(
      await predictions(join(out, 'model-best')),
    );

    // The fit chart draws both models, each named with its epoch.
    const fit = readFileSync(join(out, 'fit.svg'), 'utf8');
    expect(fit).toContain(`Model at best epoch ${best.epoch}`);
    expect(fit).toContain(`Final model, after ${summary.epochsRun} epochs`);
  });

  it('with --restore-best the final model is the best one, from a config file too', async () => {
    const file = join(work.path, 'early.json');
    writeFileSync(
      file,
      JSON.stringify({
        experiment: 'line',
        lr: 0.02,
        epochs: 2000,
        seed: 1,
        earlyStopping: true,
        patience: 300,
        restoreBest: true,
      }),
    );
    const out = join(work.path, 'restored');
    const run = await runCli(['run', file, ...CPU, '--out', out], work.path);
    expect(run.code).toBe(0);
    const summary = readJson<Summary>(join(out, 'summary.json'));
    expect(summary.status).toBe('stopped-early');
    expect(summary.restoredBestFromEpoch).toBe(summary.bestEpoch);
    expect(await predictions(join(out, 'model'))).toEqual(
      await predictions(join(out, 'model-best')),
    );
    const fit = readFileSync(join(out, 'fit.svg'), 'utf8');
    expect(fit).toContain(`Final model, restored to best epoch ${summary.bestEpoch}`);
  });
});
