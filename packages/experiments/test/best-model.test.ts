import { countTensors, initBackend } from '@epochlab/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBestModel, type ExperimentResult, runExperiment } from '../src/index.js';

/** The notebook's line with a larger learning rate: it overfits within 2000 epochs. */
const overfitting = { experiment: 'line', lr: 0.02, epochs: 2000, seed: 1 } as const;

beforeAll(async () => {
  await initBackend('cpu');
});

const xs = Array.from({ length: 41 }, (_, i) => -1 + i / 20);

function dispose(...results: ExperimentResult[]): void {
  for (const result of results) result.model.dispose();
}

/**
 * Keras's EarlyStopping rule applied by hand to a finished run's validation
 * history: improvement when below best - minDelta; stop at the first check
 * with epoch - bestEpoch >= patience. Returns the epoch training stops after.
 */
function kerasStopEpoch(
  val: readonly { epoch: number; loss: number }[],
  patience: number,
  minDelta: number,
): number | undefined {
  let best: { epoch: number; loss: number } | undefined;
  for (const point of val) {
    if (best === undefined || point.loss < best.loss - minDelta) best = point;
    else if (point.epoch - best.epoch >= patience) return point.epoch;
  }
  return undefined;
}

describe('the model at its best epoch', () => {
  it('predicts exactly as a run of the same config stopped at that epoch (cpu)', async () => {
    const before = countTensors();
    const full = await runExperiment(overfitting, { backend: 'cpu' });
    const best = full.best;
    expect(best?.epoch).toBe(full.summary.bestValEpoch);
    expect(full.summary.bestEpoch).toBe(best?.epoch);
    expect(best?.loss).toBe(full.summary.bestValLoss);
    // Overfitting: the best validation epoch comes well before the last one.
    expect(best?.epoch).toBeLessThan(1500);

    const stopped = await runExperiment(
      { ...overfitting, epochs: (best?.epoch as number) + 1 },
      { backend: 'cpu' },
    );
    const bestModel = createBestModel(full);
    expect(bestModel?.predict(xs)).toEqual(stopped.model.predict(xs));
    expect(bestModel?.predict(xs)).not.toEqual(full.model.predict(xs));
    bestModel?.dispose();
    dispose(full, stopped);
    expect(countTensors()).toBe(before);
  });

  it('is absent without validation points', async () => {
    const result = await runExperiment(
      { experiment: 'line', epochs: 30, valN: 0 },
      { backend: 'cpu' },
    );
    expect(result.best).toBeUndefined();
    expect(result.summary.bestEpoch).toBeNull();
    expect(createBestModel(result)).toBeUndefined();
    dispose(result);
  });
});

describe('early stopping through runExperiment', () => {
  it.each([
    { patience: 150, minDelta: 0 },
    { patience: 100, minDelta: 0.01 },
  ])('stops where Keras’s rule says (patience $patience, minDelta $minDelta)', async (rule) => {
    const full = await runExperiment(overfitting, { backend: 'cpu' });
    const expected = kerasStopEpoch(full.history.val, rule.patience, rule.minDelta);
    expect(expected).toBeDefined();
    const stopped = await runExperiment(
      { ...overfitting, earlyStopping: true, ...rule },
      { backend: 'cpu' },
    );
    expect(stopped.status).toBe('stopped-early');
    expect(stopped.summary.status).toBe('stopped-early');
    expect(stopped.history.train.at(-1)?.epoch).toBe(expected);
    // Same seed, same numbers: the stopped run is the full run cut short.
    expect(stopped.history.train).toEqual(full.history.train.slice(0, (expected as number) + 1));
    expect(stopped.summary.restoredBestFromEpoch).toBeNull();
    dispose(full, stopped);
  });

  it('with restoreBest the final model is the best epoch’s', async () => {
    const result = await runExperiment(
      { ...overfitting, earlyStopping: true, patience: 150, restoreBest: true },
      { backend: 'cpu' },
    );
    expect(result.status).toBe('stopped-early');
    expect(result.summary.restoredBestFromEpoch).toBe(result.summary.bestValEpoch);
    const bestModel = createBestModel(result);
    expect(result.model.predict(xs)).toEqual(bestModel?.predict(xs));
    bestModel?.dispose();
    dispose(result);
  });

  it('refuses early stopping without validation points, before any work', async () => {
    await expect(
      runExperiment({ experiment: 'line', earlyStopping: true, valN: 0 }, { backend: 'cpu' }),
    ).rejects.toThrowError(/^earlyStopping needs validation points/);
  });
});
