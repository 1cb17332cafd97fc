import { countTensors, initBackend } from '@epochlab/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type EarlyStoppingOptions,
  type ManyBatchEndEvent,
  type TrainingResult,
  trainMany,
  trainModel,
} from '../src/index.js';
import { type NotebookSetup, notebookSetup } from './helpers/notebook-setup.js';
import { pauseBefore } from './helpers/pause-gate.js';
import { TRAINING_PATHS } from './helpers/training-paths.js';

beforeAll(async () => {
  await initBackend('cpu');
});

/** Early stopping that triggers within a few hundred epochs of the notebook's overfitting run. */
const EARLY_STOPPING: EarlyStoppingOptions = { patience: 40, restoreBestWeights: true };
const ADAM = { name: 'adam', learningRate: 1e-2 } as const;

/** The same run alone through `trainModel`, for comparison. */
async function alone(seed: number, option: (typeof TRAINING_PATHS)[number]['option']) {
  const setup = notebookSetup(seed);
  const result = await trainModel({
    model: setup.model,
    train: setup.train,
    validation: setup.validation,
    epochs: 600,
    loss: 'l1',
    optimizer: ADAM,
    earlyStopping: EARLY_STOPPING,
    trainingPath: option,
  });
  const weights = setup.model.getWeights();
  setup.dispose();
  return { result, weights };
}

describe.each(TRAINING_PATHS)('trainMany on the $name path: the loop of trainModel', (path) => {
  it('stops each run early on its own and restores its best weights, as trainModel does', async () => {
    const before = countTensors();
    const setups = [notebookSetup(21), notebookSetup(22)];
    const many = await trainMany(
      setups.map((setup) => ({
        model: setup.model,
        train: setup.train,
        validation: setup.validation,
      })),
      {
        epochs: 600,
        loss: 'l1',
        optimizer: ADAM,
        earlyStopping: EARLY_STOPPING,
        trainingPath: path.option,
      },
    );
    expect(many.trainingPath).toBe(path.name);
    for (const [index, seed] of [21, 22].entries()) {
      const result = many.results[index] as TrainingResult;
      const expected = await alone(seed, path.option);
      expect(result.status).toBe('stopped-early');
      expect(expected.result.status).toBe('stopped-early');
      expect(result.history).toEqual(expected.result.history);
      expect(result.summary.restoredWeightsFromEpoch).toBe(
        expected.result.summary.restoredWeightsFromEpoch,
      );
      expect((setups[index] as NotebookSetup).model.getWeights()).toEqual(expected.weights);
    }
    // The two runs stopped at different epochs: each left the loop alone.
    expect(many.results[0]?.summary.epochsRun).not.toBe(many.results[1]?.summary.epochsRun);
    for (const setup of setups) setup.dispose();
    expect(countTensors()).toBe(before);
  });

  it('ends a diverging run alone with its divergence; the other trains on', async () => {
    const calm = notebookSetup(3);
    const wild = notebookSetup(5);
    const many = await trainMany(
      [
        { model: calm.model, train: calm.train, validation: calm.validation },
        { model: wild.model, train: wild.train, optimizer: { name: 'sgd', learningRate: 1e30 } },
      ],
      { epochs: 30, loss: 'mse', optimizer: 'sgd', trainingPath: path.option },
    );
    const [first, diverged] = many.results as [TrainingResult, TrainingResult];
    expect(first.status).toBe('completed');
    expect(first.history.train).toHaveLength(30);
    expect(diverged.status).toBe('diverged');
    expect(diverged.divergence?.phase).toBe('train');
    expect(diverged.history.train).toHaveLength(diverged.divergence?.epoch as number);
    expect(diverged.history.train.every((point) => Number.isFinite(point.loss))).toBe(true);
    calm.dispose();
    wild.dispose();
  });

  it('calls beforeEpoch once per epoch and waits for it; batch events name their run', async () => {
    const setups = [notebookSetup(1), notebookSetup(2)];
    const batches: ManyBatchEndEvent[] = [];
    const gate = pauseBefore(2); // a paused run: held before epoch 2 until released
    const running = trainMany(
      setups.map((setup) => ({ model: setup.model, train: setup.train })),
      {
        epochs: 4,
        loss: 'l1',
        optimizer: 'sgd',
        trainingPath: path.option,
        onBatchEnd: (event) => void batches.push(event),
        beforeEpoch: gate.beforeEpoch,
      },
    );
    await gate.paused;
    // Paused before epoch 2: both runs took the steps of epochs 0 and 1 (one batch each).
    expect(batches.map(({ run, epoch }) => `${run}.${epoch}`)).toEqual([
      '0.0',
      '1.0',
      '0.1',
      '1.1',
    ]);
    gate.release();
    const many = await running;
    expect(gate.calls).toEqual([0, 1, 2, 3]);
    expect(batches).toHaveLength(8);
    expect(many.results.map((result) => result.history.train.length)).toEqual([4, 4]);
    for (const setup of setups) setup.dispose();
  });
});
