import { DataLoader, TensorDataset } from '@epochlab/data';
import { createMlpFromWeights } from '@epochlab/models';
import { countTensors, initBackend, tf } from '@epochlab/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainModel } from '../src/index.js';
import { notebookSetup } from './helpers/notebook-setup.js';
import { createEchoModel, lossSequence, scriptedSource } from './helpers/scripted.js';
import { TRAINING_PATHS } from './helpers/training-paths.js';

beforeAll(async () => {
  await initBackend('cpu');
});

const sgd = { name: 'sgd', learningRate: 1e-3 } as const;

describe.each(TRAINING_PATHS)('divergence ($name path)', (path) => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY])(
    'a %s train loss ends the run as diverged, without recording it',
    async (bad) => {
      const model = createEchoModel();
      const result = await trainModel({
        trainingPath: path.option,
        model,
        train: lossSequence([3, 2, 1, bad, 0.5]),
        epochs: 10,
        loss: 'l1',
        optimizer: sgd,
      });
      expect(result.status).toBe('diverged');
      expect(result.history.train.map((point) => point.loss)).toEqual([3, 2, 1]);
      expect(result.divergence).toEqual({ epoch: 3, phase: 'train', loss: bad });
      expect(result.summary.divergedAtEpoch).toBe(3);
      model.dispose();
    },
  );

  it('a NaN validation loss ends the run as diverged in the val phase', async () => {
    const model = createEchoModel();
    const validationLosses = Array.from({ length: 30 }, (_, epoch) =>
      epoch === 20 ? Number.NaN : 1,
    );
    const result = await trainModel({
      trainingPath: path.option,
      model,
      train: lossSequence([1]),
      validation: lossSequence(validationLosses),
      epochs: 50,
      loss: 'l1',
      optimizer: sgd,
    });
    expect(result.status).toBe('diverged');
    expect(result.divergence).toMatchObject({ epoch: 20, phase: 'val' });
    expect(result.history.val.map((point) => point.epoch)).toEqual([0, 10]);
    expect(result.history.train).toHaveLength(21);
    model.dispose();
  });

  /** y = x on four points, a 1-1-1 linear MLP and the MSE loss: SGD with lr 1 overshoots more every step. */
  function overshootingProblem() {
    const values = [-1, -0.5, 0.5, 1];
    const x = tf.tensor2d(values, [4, 1]);
    const y = tf.tensor2d(values, [4, 1]);
    const model = createMlpFromWeights(
      { inputSize: 1, hiddenSizes: [1], outputSize: 1, activation: 'linear' },
      [[0.5], [0.1], [0.5], [0.1]],
    );
    return {
      model,
      train: new DataLoader(new TensorDataset(x, y), { batchSize: 4 }),
      dispose: () => {
        model.dispose();
        tf.dispose([x, y]);
      },
    };
  }

  it('a huge learning rate diverges with a clear status and a NaN-free history', async () => {
    const problem = overshootingProblem();
    const before = countTensors();
    const result = await trainModel({
      trainingPath: path.option,
      model: problem.model,
      train: problem.train,
      epochs: 1000,
      loss: 'mse',
      optimizer: { name: 'sgd', learningRate: 1 },
    });
    expect(result.status).toBe('diverged');
    const epoch = result.divergence?.epoch as number;
    expect(epoch).toBeGreaterThan(2);
    expect(epoch).toBeLessThan(100);
    expect(result.summary.divergedAtEpoch).toBe(epoch);
    expect(result.history.train).toHaveLength(epoch);
    for (const point of result.history.train) expect(Number.isFinite(point.loss)).toBe(true);
    expect(countTensors()).toBe(before);
    problem.dispose();
  });

  it('diverging in the very first epoch gives an empty history, not a crash', async () => {
    const setup = notebookSetup(1, { n: 50, range: 50, sigma: 2, batchSize: 5 });
    const result = await trainModel({
      trainingPath: path.option,
      model: setup.model,
      train: setup.train,
      validation: setup.validation,
      epochs: 1000,
      loss: 'mse',
      optimizer: { name: 'sgd', learningRate: 10 },
    });
    expect(result.status).toBe('diverged');
    expect(result.divergence?.epoch).toBe(0);
    expect(result.history).toEqual({ train: [], val: [] });
    expect(result.summary.finalTrainLoss).toBeNull();
    setup.dispose();
  });

  it('restoreBestWeights brings back the best, finite weights after a divergence', async () => {
    const problem = overshootingProblem();
    const weightsAt = new Map<number, Float32Array[]>();
    const result = await trainModel({
      trainingPath: path.option,
      model: problem.model,
      train: problem.train,
      epochs: 1000,
      loss: 'mse',
      optimizer: { name: 'sgd', learningRate: 1 },
      earlyStopping: { patience: Number.POSITIVE_INFINITY, restoreBestWeights: true },
      callbacks: {
        onEpochEnd: ({ epoch }) => void weightsAt.set(epoch, problem.model.getWeights()),
      },
    });
    expect(result.status).toBe('diverged');
    const best = result.summary.bestTrainEpoch as number;
    expect(result.summary.restoredWeightsFromEpoch).toBe(best);
    const restored = problem.model.getWeights();
    expect(restored).toEqual(weightsAt.get(best));
    for (const values of restored) expect(values.every(Number.isFinite)).toBe(true);
    problem.dispose();
  });
});

describe.each(TRAINING_PATHS)('cancellation ($name path)', (path) => {
  it('an abort in onEpochEnd after k epochs returns exactly those k epochs', async () => {
    const setup = notebookSetup(1);
    const controller = new AbortController();
    const result = await trainModel({
      trainingPath: path.option,
      model: setup.model,
      train: setup.train,
      validation: setup.validation,
      epochs: 100,
      loss: 'l1',
      optimizer: sgd,
      signal: controller.signal,
      callbacks: {
        onEpochEnd: ({ epoch }) => {
          if (epoch === 24) controller.abort();
        },
      },
    });
    expect(result.status).toBe('aborted');
    expect(result.history.train).toHaveLength(25);
    expect(result.history.val.map((point) => point.epoch)).toEqual([0, 10, 20]);
    expect(result.summary.epochsRun).toBe(25);
    setup.dispose();
  });

  it('an already aborted signal runs no epoch', async () => {
    const model = createEchoModel();
    const train = lossSequence([1]);
    const result = await trainModel({
      trainingPath: path.option,
      model,
      train,
      epochs: 10,
      loss: 'l1',
      optimizer: sgd,
      signal: AbortSignal.abort(),
    });
    expect(result.status).toBe('aborted');
    expect(result.history.train).toEqual([]);
    expect(train.epochsRequested).toEqual([]);
    model.dispose();
  });

  it('an abort in the middle of an epoch stops before the next step; that epoch is not recorded', async () => {
    const model = createEchoModel();
    const train = scriptedSource(() => [1, 2, 3, 4]);
    const controller = new AbortController();
    const steps: string[] = [];
    const before = countTensors();
    const result = await trainModel({
      trainingPath: path.option,
      model,
      train,
      epochs: 10,
      loss: 'l1',
      optimizer: sgd,
      signal: controller.signal,
      callbacks: {
        onBatchEnd: ({ epoch, batch }) => {
          steps.push(`${epoch}.${batch}`);
          if (epoch === 2 && batch === 1) controller.abort();
        },
      },
    });
    expect(result.status).toBe('aborted');
    expect(result.history.train).toEqual([
      { epoch: 0, loss: 2.5 },
      { epoch: 1, loss: 2.5 },
    ]);
    expect(steps.slice(-3)).toEqual(['1.3', '2.0', '2.1']);
    expect(countTensors()).toBe(before); // the borrowed batch was released
    model.dispose();
  });

  it('yields to the event loop, so a timer can abort a long run', async () => {
    const setup = notebookSetup(1);
    const controller = new AbortController();
    let ticks = 0;
    const interval = setInterval(() => ticks++, 5);
    setTimeout(() => controller.abort(), 300);
    const startedAt = performance.now();
    const result = await trainModel({
      trainingPath: path.option,
      model: setup.model,
      train: setup.train,
      epochs: 10_000_000,
      loss: 'l1',
      optimizer: sgd,
      signal: controller.signal,
    });
    const waited = performance.now() - startedAt;
    clearInterval(interval);
    expect(result.status).toBe('aborted');
    expect(result.history.train.length).toBeGreaterThan(0);
    expect(waited).toBeLessThan(300 + 200);
    // Yields about every 25 ms: a 5 ms interval ran several times during 300 ms.
    expect(ticks).toBeGreaterThanOrEqual(5);
    setup.dispose();
  });
});
