import { DataLoader, TensorDataset } from '@epochlab/data';
import { createMlpFromWeights, NOTEBOOK_MLP } from '@epochlab/models';
import { countTensors, initBackend, tf } from '@epochlab/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TrainModelOptions, trainModel } from '../src/index.js';
import { expectInvalid } from './helpers/expect-invalid.js';
import { notebookSetup } from './helpers/notebook-setup.js';
import { referenceL1Gradient } from './helpers/reference-mlp.js';
import { TRAINING_PATHS } from './helpers/training-paths.js';

beforeAll(async () => {
  await initBackend('cpu');
});

const sgd = { name: 'sgd', learningRate: 1e-3 } as const;

describe.each(TRAINING_PATHS)('the learning loop ($name path)', (path) => {
  it('records one train entry per epoch and validation exactly at epochs 0, 10, 20, ...', async () => {
    const setup = notebookSetup(1);
    const result = await trainModel({
      trainingPath: path.option,
      model: setup.model,
      train: setup.train,
      validation: setup.validation,
      epochs: 35,
      loss: 'l1',
      optimizer: sgd,
    });
    expect(result.status).toBe('completed');
    expect(result.trainingPath).toBe(path.name);
    expect(result.history.train.map((point) => point.epoch)).toEqual([...Array(35).keys()]);
    expect(result.history.val.map((point) => point.epoch)).toEqual([0, 10, 20, 30]);
    expect(result.summary.epochsRun).toBe(35);
    expect(result.summary.finalValidationEpoch).toBe(30);
    setup.dispose();
  });

  it('validates on multiples of validationInterval', async () => {
    const setup = notebookSetup(1);
    const result = await trainModel({
      trainingPath: path.option,
      model: setup.model,
      train: setup.train,
      validation: setup.validation,
      epochs: 8,
      validationInterval: 3,
      loss: 'l1',
      optimizer: sgd,
    });
    expect(result.history.val.map((point) => point.epoch)).toEqual([0, 3, 6]);
    setup.dispose();
  });

  it('the epoch loss is the mean of the per-batch mean losses (hand computed)', async () => {
    // y = 0.5 x + 0.1 on x = [1, 2, 3], targets [3, 5, 4], batches of 2 in order:
    // errors |0.6 - 3| = 2.4, |1.1 - 5| = 3.9, |1.6 - 4| = 2.4.
    // batch means 3.15 and 2.4 -> epoch loss 2.775 (the mean over points would be 2.9).
    // A learning rate of 1e-30 leaves every float32 weight unchanged.
    // 1-1-1 with a linear activation: y = 2 (0.25 x + 0.025) + 0.05 = 0.5 x + 0.1.
    const initialWeights = [0.25, 0.025, 2, 0.05];
    const model = createMlpFromWeights(
      { inputSize: 1, hiddenSizes: [1], outputSize: 1, activation: 'linear' },
      initialWeights.map((value) => [value]),
    );
    const x = tf.tensor2d([1, 2, 3], [3, 1]);
    const y = tf.tensor2d([3, 5, 4], [3, 1]);
    const train = new DataLoader(new TensorDataset(x, y), { batchSize: 2 });
    const stepLosses: number[] = [];
    const result = await trainModel({
      trainingPath: path.option,
      model,
      train,
      epochs: 2,
      loss: 'l1',
      optimizer: { name: 'sgd', learningRate: 1e-30 },
      callbacks: { onBatchEnd: (event) => void stepLosses.push(event.loss) },
    });
    expect(model.getWeights()).toEqual(initialWeights.map((value) => Float32Array.of(value)));
    expect(stepLosses.map((loss) => Number(loss.toFixed(5)))).toEqual([3.15, 2.4, 3.15, 2.4]);
    for (const point of result.history.train) expect(point.loss).toBeCloseTo(2.775, 5);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('one SGD step on the notebook MLP equals a double-precision reference (within 1e-5)', async () => {
    const setup = notebookSetup(3);
    const before = setup.model.getWeights();
    const { x, y } = setup.trainPoints;
    const { loss, gradients } = referenceL1Gradient(
      before,
      x.map((value) => Math.fround(value)),
      y.map((value) => Math.fround(value)),
    );
    const learningRate = 0.1;
    const result = await trainModel({
      trainingPath: path.option,
      model: setup.model,
      train: setup.train,
      epochs: 1,
      loss: 'l1',
      optimizer: { name: 'sgd', learningRate },
    });
    expect(result.history.train[0]?.loss).toBeCloseTo(loss, 5);
    const after = setup.model.getWeights();
    let largestChange = 0;
    after.forEach((values, v) => {
      values.forEach((value, i) => {
        const start = (before[v] as Float32Array)[i] as number;
        const expected = start - learningRate * ((gradients[v] as number[])[i] as number);
        largestChange = Math.max(largestChange, Math.abs(value - start));
        expect(Math.abs(value - expected)).toBeLessThan(1e-5);
      });
    });
    expect(largestChange).toBeGreaterThan(1e-3); // the step really moved the weights
    setup.dispose();
  });

  it('validation computes no gradients and changes no weight', async () => {
    const setup = notebookSetup(4);
    const before = setup.model.getWeights();
    const validationOnly = await trainModel({
      trainingPath: path.option,
      model: setup.model,
      train: setup.train,
      validation: setup.validation,
      epochs: 1,
      loss: 'l1',
      optimizer: { name: 'sgd', learningRate: 1e-30 },
    });
    expect(setup.model.getWeights()).toEqual(before);
    expect(validationOnly.history.val).toHaveLength(1);
    setup.dispose();
  });

  it('gives the same history bit for bit from the same seed on cpu', async () => {
    const run = async () => {
      const setup = notebookSetup(7);
      const result = await trainModel({
        trainingPath: path.option,
        model: setup.model,
        train: setup.train,
        validation: setup.validation,
        epochs: 60,
        loss: 'l1',
        optimizer: { name: 'adam', learningRate: 1e-2 },
      });
      const weights = setup.model.getWeights();
      setup.dispose();
      return { history: result.history, weights };
    };
    const first = await run();
    const second = await run();
    expect(second.history).toEqual(first.history);
    expect(second.weights).toEqual(first.weights);
    const third = notebookSetup(8);
    const other = await trainModel({
      trainingPath: path.option,
      model: third.model,
      train: third.train,
      epochs: 60,
      loss: 'l1',
      optimizer: { name: 'adam', learningRate: 1e-2 },
    });
    expect(other.history.train).not.toEqual(first.history.train);
    third.dispose();
  });

  it.each([
    ['sgd', { name: 'sgd', learningRate: 1e-3 }, undefined],
    [
      'adam with early stopping and best-weight snapshots',
      { name: 'adam', learningRate: 1e-3 },
      { patience: Number.POSITIVE_INFINITY, restoreBestWeights: 'always' },
    ],
    ['rmsprop with momentum', { name: 'rmsprop', momentum: 0.5 }, undefined],
  ] as const)('leaks no tensor over 500 epochs (%s)', async (_, optimizer, earlyStopping) => {
    const setup = notebookSetup(5);
    const atStart = countTensors();
    const counts = new Map<number, number>();
    await trainModel({
      trainingPath: path.option,
      model: setup.model,
      train: setup.train,
      validation: setup.validation,
      epochs: 500,
      loss: 'l1',
      optimizer,
      ...(earlyStopping === undefined ? {} : { earlyStopping }),
      callbacks: {
        onEpochEnd: ({ epoch }) => {
          if (epoch === 0 || epoch === 499) counts.set(epoch, countTensors());
        },
      },
    });
    expect(counts.get(0)).toBeGreaterThan(0);
    expect(counts.get(499)).toBe(counts.get(0));
    expect(countTensors()).toBe(atStart);
    setup.dispose();
  });
});

describe('bad input', () => {
  const base = (): TrainModelOptions & { dispose(): void } => {
    const setup = notebookSetup(1);
    return {
      model: setup.model,
      train: setup.train,
      validation: setup.validation,
      epochs: 3,
      loss: 'l1',
      optimizer: sgd,
      dispose: setup.dispose,
    };
  };

  it.each([
    [{ epochs: 0 }, 'epochs'],
    [{ epochs: -5 }, 'epochs'],
    [{ epochs: 2.5 }, 'epochs'],
    [{ optimizer: { name: 'sgd', learningRate: 0 } }, 'optimizer.learningRate'],
    [{ optimizer: { name: 'adam', learningRate: -0.1 } }, 'optimizer.learningRate'],
    [{ loss: 'cross-entropy' }, 'loss'],
    [{ optimizer: 'adagrad' }, 'optimizer'],
    [{ validationInterval: 0 }, 'validationInterval'],
    [{ earlyStopping: { patience: 0 } }, 'earlyStopping.patience'],
    [{ earlyStopping: { patience: 5, minDelta: -1 } }, 'earlyStopping.minDelta'],
    [
      { validation: undefined, earlyStopping: { patience: 5, monitor: 'val' } },
      'earlyStopping.monitor',
    ],
    [{ throttle: { everyEpochs: 0 } }, 'throttle.everyEpochs'],
    [{ train: {} }, 'train'],
  ])('%o is rejected naming %s, before any work', async (override, parameter) => {
    const options = base();
    const before = countTensors();
    const weights = options.model.trainableVariables.map((v) => v.dataSync().slice());
    await expectInvalid(
      () => trainModel({ ...options, ...(override as Partial<TrainModelOptions>) }),
      parameter,
    );
    expect(countTensors()).toBe(before);
    expect(options.model.trainableVariables.map((v) => v.dataSync().slice())).toEqual(weights);
    options.dispose();
  });

  it('a first batch with the wrong number of columns names the batch and the model input size', async () => {
    const setup = notebookSetup(1);
    const x = tf.ones([4, 2]);
    const y = tf.ones([4, 1]);
    const train = new DataLoader(new TensorDataset(x, y), { batchSize: 2 });
    const before = countTensors();
    const error = await expectInvalid(
      () => trainModel({ model: setup.model, train, epochs: 3, loss: 'l1', optimizer: sgd }),
      'train batch inputs',
    );
    expect(error.message).toContain(`inputSize ${NOTEBOOK_MLP.inputSize}`);
    expect(countTensors()).toBe(before);
    tf.dispose([x, y]);
    setup.dispose();
  });

  it('targets that do not match the model output are named, for validation too', async () => {
    const setup = notebookSetup(1);
    const x = tf.ones([4, 1]);
    const y = tf.ones([4, 3]);
    const bad = new DataLoader(new TensorDataset(x, y), { batchSize: 2 });
    await expectInvalid(
      () => trainModel({ model: setup.model, train: bad, epochs: 3, loss: 'l1', optimizer: sgd }),
      'train batch targets',
    );
    const x3 = tf.ones([4, 3]);
    const badInputs = new DataLoader(new TensorDataset(x3, x), { batchSize: 2 });
    await expectInvalid(
      () =>
        trainModel({
          model: setup.model,
          train: setup.train,
          validation: badInputs,
          epochs: 3,
          loss: 'l1',
          optimizer: sgd,
        }),
      'validation batch inputs',
    );
    tf.dispose([x, y, x3]);
    setup.dispose();
  });

  it('an empty source is named', async () => {
    const setup = notebookSetup(1);
    await expectInvalid(
      () =>
        trainModel({
          model: setup.model,
          train: { batches: () => [] },
          epochs: 3,
          loss: 'l1',
          optimizer: sgd,
        }),
      'train',
    );
    setup.dispose();
  });
});
