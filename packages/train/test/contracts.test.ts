import { DataLoader, TensorDataset } from '@epochlab/data';
import { createMlp, type Mlp, NOTEBOOK_MLP } from '@epochlab/models';
import { initBackend, SeededRandom, type Tensor2D, tf } from '@epochlab/tensor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatchFeed } from '../src/fused/batch-feed.js';
import { readDenseMlp } from '../src/fused/dense-mlp-model.js';
import { type Batch, type TrainableModel, trainMany, trainModel } from '../src/index.js';
import { expectInvalid } from './helpers/expect-invalid.js';
import { notebookSetup } from './helpers/notebook-setup.js';
import { createEchoModel } from './helpers/scripted.js';

let x: Tensor2D;
let y: Tensor2D;

beforeAll(async () => {
  await initBackend('cpu');
  x = tf.tensor2d([[0], [1], [2], [3], [4], [5], [6]]);
  y = tf.tensor2d([[1], [0], [1], [0], [1], [0], [1]]);
});

/** `mlp`'s members without its `DenseMlpV1` declaration. */
function undeclared(mlp: Mlp): TrainableModel {
  return {
    trainableVariables: mlp.trainableVariables,
    forward: (input: Tensor2D) => mlp.forward(input),
    ...{ layers: mlp.layers, activation: mlp.activation, spec: mlp.spec },
  };
}

afterAll(() => {
  tf.dispose([x, y]);
});

/** A loader whose `batches` calls are counted. */
function countingLoader(loader: DataLoader<[Tensor2D, Tensor2D]>) {
  const epochs: number[] = [];
  const batches = loader.batches.bind(loader);
  loader.batches = (epoch: number) => {
    epochs.push(epoch);
    return batches(epoch);
  };
  return { loader, epochs };
}

describe('TensorRowsLoaderV1: a DataLoader over a TensorDataset', () => {
  it('takes the fast batch feed, whose rows are the loader’s own batches', () => {
    const loader = new DataLoader<[Tensor2D, Tensor2D]>(new TensorDataset(x, y), {
      batchSize: 3,
      shuffle: true,
      seed: 4,
    });
    const feed = createBatchFeed(loader);
    expect(feed.kind).toBe('tensor-rows');
    for (const epoch of [0, 5]) {
      const cursor = feed.open(epoch);
      for (const [inputs, targets] of loader.batches(epoch)) {
        expect(cursor.next()).toBe(true);
        expect(Array.from(cursor.inputs.subarray(0, cursor.rows))).toEqual(
          Array.from(inputs.dataSync()),
        );
        expect(Array.from(cursor.targets.subarray(0, cursor.rows))).toEqual(
          Array.from(targets.dataSync()),
        );
      }
      expect(cursor.next()).toBe(false);
      cursor.close();
    }
  });

  it('reads the batch tensors when the loader forms batches some other way', () => {
    const collated = new DataLoader(new TensorDataset(x, y), {
      batchSize: 2,
      collate: (items): Batch => [
        tf.stack(items.map(([input]) => input)) as Tensor2D,
        tf.stack(items.map(([, target]) => target)) as Tensor2D,
      ],
    });
    expect(createBatchFeed(collated).kind).toBe('batch-tensors');
    const plainSource = { batches: collated.batches.bind(collated) };
    expect(createBatchFeed(plainSource).kind).toBe('batch-tensors');
  });

  it('lets trainModel’s fused path form every epoch’s batches itself', async () => {
    const setup = notebookSetup(6);
    const fused = countingLoader(setup.train);
    const result = await trainModel({
      model: setup.model,
      train: fused.loader,
      epochs: 20,
      loss: 'l1',
      optimizer: 'sgd',
    });
    expect(result.trainingPath).toBe('fused-wasm-simd');
    // No call: the first batch is checked through the loader's row tensors, and every
    // batch is formed from the feed's own rows.
    expect(fused.epochs).toEqual([]);
    setup.dispose();

    const again = notebookSetup(6);
    const generic = countingLoader(again.train);
    await trainModel({
      model: again.model,
      train: generic.loader,
      epochs: 20,
      loss: 'l1',
      optimizer: 'sgd',
      trainingPath: 'generic',
    });
    expect(generic.epochs).toEqual([...Array(20).keys()]);
    again.dispose();
  });
});

describe('DenseMlpV1: an Mlp', () => {
  it('is read as a dense MLP through the contract, not through its shape', () => {
    const mlp = createMlp(NOTEBOOK_MLP, new SeededRandom(1).stream('init'));
    const reading = readDenseMlp(mlp);
    expect('dense' in reading && reading.dense.widths).toEqual([1, 12, 12, 16, 1]);
    // The same members without the declaration: not a dense MLP to the fused path.
    expect(readDenseMlp(undeclared(mlp))).toMatchObject({
      reason: expect.stringContaining('DenseMlpV1'),
    });
    mlp.dispose();
  });
});

describe("trainingPath: 'fused'", () => {
  const loader = () => new DataLoader(new TensorDataset(x, y), { batchSize: 2 });

  it('trains an Mlp on the fused path', async () => {
    const setup = notebookSetup(2);
    const result = await trainModel({
      model: setup.model,
      train: setup.train,
      epochs: 2,
      loss: 'l1',
      optimizer: 'sgd',
      trainingPath: 'fused',
    });
    expect(result.trainingPath).toBe('fused-wasm-simd');
    setup.dispose();
  });

  it('throws, naming trainingPath and why, for a model that is not a dense MLP', async () => {
    const model = createEchoModel();
    const error = await expectInvalid(
      () =>
        trainModel({
          model,
          train: loader(),
          epochs: 1,
          loss: 'l1',
          optimizer: 'sgd',
          trainingPath: 'fused',
        }),
      'trainingPath',
    );
    expect(error.message).toContain('DenseMlpV1');
    model.dispose();
  });

  it('throws on a backend the fused path does not run on, naming it', async () => {
    const setup = notebookSetup(2);
    // A backend tfjs knows but the fused path does not: cpu registered under another name.
    const cpu = tf.findBackendFactory('cpu');
    tf.registerBackend('cpu-elsewhere', cpu as () => tf.KernelBackend);
    try {
      await tf.setBackend('cpu-elsewhere');
      const error = await expectInvalid(
        () =>
          trainModel({
            model: setup.model as Mlp,
            train: setup.train,
            epochs: 1,
            loss: 'l1',
            optimizer: 'sgd',
            trainingPath: 'fused',
          }),
        'trainingPath',
      );
      expect(error.message).toContain('cpu-elsewhere');
    } finally {
      await tf.setBackend('cpu');
      tf.removeBackend('cpu-elsewhere');
    }
    setup.dispose();
  });

  it('in trainMany, names the first run it cannot train', async () => {
    const setup = notebookSetup(2);
    const other = notebookSetup(3);
    const error = await expectInvalid(
      () =>
        trainMany(
          [
            { model: setup.model, train: setup.train },
            { model: undeclared(other.model), train: other.train },
          ],
          { epochs: 1, loss: 'l1', optimizer: 'sgd', trainingPath: 'fused' },
        ),
      'runs[1].trainingPath',
    );
    expect(error.message).toContain('DenseMlpV1');
    other.dispose();
    setup.dispose();
  });
});
