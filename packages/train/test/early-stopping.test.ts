import { initBackend } from '@epochlab/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainModel } from '../src/index.js';
import { notebookSetup } from './helpers/notebook-setup.js';
import { createEchoModel, lossSequence } from './helpers/scripted.js';
import { TRAINING_PATHS } from './helpers/training-paths.js';

beforeAll(async () => {
  await initBackend('cpu');
});

const sgd = { name: 'sgd', learningRate: 1e-3 } as const;

describe('early stopping on a hand-made loss sequence', () => {
  // Losses exact in float32, by epoch: 0..9 (the last one repeats).
  const losses = [5, 4, 3, 3.5, 3.25, 2.875, 3.125, 3, 2.9375, 3.25];

  it('monitoring train, patience 3: stops 3 epochs after the last improvement', async () => {
    // Improvements at 0, 1, 2 and 5 (2.875 < 3); epochs 6, 7, 8 do not improve -> stop at 8.
    const model = createEchoModel();
    const result = await trainModel({
      model,
      train: lossSequence(losses),
      epochs: 100,
      loss: 'l1',
      optimizer: sgd,
      earlyStopping: { patience: 3 },
    });
    expect(result.status).toBe('stopped-early');
    expect(result.history.train.map((point) => point.loss)).toEqual(losses.slice(0, 9));
    expect(result.summary.bestTrainEpoch).toBe(5);
    model.dispose();
  });

  it('minDelta 0.25 does not count 2.875 as better than 3: stops at epoch 5', async () => {
    const model = createEchoModel();
    const result = await trainModel({
      model,
      train: lossSequence(losses),
      epochs: 100,
      loss: 'l1',
      optimizer: sgd,
      earlyStopping: { patience: 3, minDelta: 0.25 },
    });
    expect(result.status).toBe('stopped-early');
    expect(result.history.train).toHaveLength(6);
    model.dispose();
  });

  it('monitoring validation every 2 epochs counts patience in epochs, checked on validation epochs', async () => {
    // Validation on 0, 2, 4, 6 with losses 5, 4, 4.5, 4.25: best at 2; at 4, 4 - 2 = 2 < 3;
    // at 6, 6 - 2 = 4 >= 3 -> stop after epoch 6.
    const validationLosses = [5, 0, 4, 0, 4.5, 0, 4.25, 0, 1];
    const model = createEchoModel();
    const result = await trainModel({
      model,
      train: lossSequence([1]),
      validation: lossSequence(validationLosses),
      validationInterval: 2,
      epochs: 100,
      loss: 'l1',
      optimizer: sgd,
      earlyStopping: { patience: 3 },
    });
    expect(result.status).toBe('stopped-early');
    expect(result.history.val).toEqual([
      { epoch: 0, loss: 5 },
      { epoch: 2, loss: 4 },
      { epoch: 4, loss: 4.5 },
      { epoch: 6, loss: 4.25 },
    ]);
    expect(result.history.train).toHaveLength(7);
    model.dispose();
  });

  it('runs every epoch when the loss keeps improving', async () => {
    const model = createEchoModel();
    const result = await trainModel({
      model,
      train: lossSequence([9, 8, 7, 6, 5]),
      epochs: 5,
      loss: 'l1',
      optimizer: sgd,
      earlyStopping: { patience: 1 },
    });
    expect(result.status).toBe('completed');
    model.dispose();
  });
});

describe.each(TRAINING_PATHS)('restoring the best weights ($name path)', (path) => {
  /** Trains the overfitting notebook setup, recording the weights after every validation epoch. */
  async function overfit(restoreBestWeights: boolean | 'always', patience: number) {
    const setup = notebookSetup(2);
    const weightsAt = new Map<number, Float32Array[]>();
    const result = await trainModel({
      trainingPath: path.option,
      model: setup.model,
      train: setup.train,
      validation: setup.validation,
      epochs: 1200,
      loss: 'l1',
      optimizer: { name: 'sgd', learningRate: 1e-2 },
      earlyStopping: { monitor: 'val', patience, restoreBestWeights },
      callbacks: {
        onValidationEnd: ({ epoch }) => void weightsAt.set(epoch, setup.model.getWeights()),
      },
    });
    const finalWeights = setup.model.getWeights();
    setup.dispose();
    return { result, weightsAt, finalWeights };
  }

  it('restores the best epoch’s weights when early stopping ends the run', async () => {
    const { result, weightsAt, finalWeights } = await overfit(true, 200);
    expect(result.status).toBe('stopped-early');
    const best = result.summary.bestValidationEpoch as number;
    expect(result.summary.restoredWeightsFromEpoch).toBe(best);
    const lastEpoch = result.history.train.at(-1)?.epoch as number;
    expect(lastEpoch).toBeGreaterThanOrEqual(best + 200);
    expect(finalWeights).toEqual(weightsAt.get(best));
    expect(finalWeights).not.toEqual(weightsAt.get(lastEpoch));
  });

  it("'always' restores them also when every epoch ran", async () => {
    const { result, weightsAt, finalWeights } = await overfit('always', Number.POSITIVE_INFINITY);
    expect(result.status).toBe('completed');
    const best = result.summary.bestValidationEpoch as number;
    expect(best).toBeLessThan(1100);
    expect(result.summary.restoredWeightsFromEpoch).toBe(best);
    expect(finalWeights).toEqual(weightsAt.get(best));
  });

  it('true leaves the last weights when every epoch ran', async () => {
    const { result, finalWeights, weightsAt } = await overfit(true, Number.POSITIVE_INFINITY);
    expect(result.status).toBe('completed');
    expect(result.summary.restoredWeightsFromEpoch).toBeNull();
    expect(finalWeights).not.toEqual(weightsAt.get(result.summary.bestValidationEpoch as number));
  });
});
