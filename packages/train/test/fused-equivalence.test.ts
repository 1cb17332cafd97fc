import { DataLoader, TensorDataset } from '@epochlab/data';
import {
  ACTIVATIONS,
  type Activation,
  createMlp,
  createMlpFromWeights,
  type Mlp,
  type MlpSpec,
} from '@epochlab/models';
import { countTensors, initBackend, SeededRandom, type Tensor2D, tf } from '@epochlab/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDenseMlp } from '../src/fused/dense-mlp-model.js';
import { FusedMlpKernel } from '../src/fused/fused-mlp-kernel.js';
import {
  type Batch,
  type BatchSource,
  createLoss,
  type LossConfig,
  OPTIMIZERS,
  type OptimizerConfig,
  type OptimizerName,
  trainModel,
} from '../src/index.js';
import { createFusedLoss } from '../src/losses/create-loss.js';
import { expectInvalid } from './helpers/expect-invalid.js';
import { notebookSetup } from './helpers/notebook-setup.js';
import { LOSS_CONFIGS, OPTIMIZER_VARIANTS } from './helpers/registry-cases.js';
import { relativeError } from './helpers/relative-error.js';
import { createEchoModel } from './helpers/scripted.js';

beforeAll(async () => {
  await initBackend('cpu');
});

/** A fixed network and data set: 2 inputs, hidden layers of 5 and 3, 2 outputs, 7 rows. */
function fixedCase(activation: Activation) {
  const random = new SeededRandom(1000);
  const spec: MlpSpec = { inputSize: 2, hiddenSizes: [5, 3], outputSize: 2, activation };
  const rows = 7;
  const x = Array.from({ length: rows * spec.inputSize }, () => random.uniform(-2, 2));
  const y = Array.from({ length: rows * spec.outputSize }, () => random.uniform(-1, 1));
  const weights = createMlp(spec, random.stream('init'));
  const initial = weights.getWeights();
  weights.dispose();
  return { spec, rows, x, y, initial, batchSize: 3 };
}

describe.each(ACTIVATIONS)('the fused kernel against tfjs, $name', ({ name: activation }) => {
  it.each(LOSS_CONFIGS)('$name: loss and every gradient within 1e-5 relative', (loss) => {
    const { spec, rows, x, y, initial } = fixedCase(activation);
    const model = createMlpFromWeights(spec, initial);
    const reading = readDenseMlp(model);
    if (!('dense' in reading)) throw new Error(reading.reason);
    const kernel = new FusedMlpKernel(reading.dense.widths, reading.dense.activation);
    kernel.parameters.set(Float32Array.from(initial.flatMap((w) => Array.from(w))));
    const inputs = Float32Array.from(x);
    const targets = Float32Array.from(y);
    const fusedLoss = kernel.lossAndGradients(inputs, targets, rows, createFusedLoss(loss));

    const lossFunction = createLoss(loss);
    const { value, grads } = tf.tidy(() => {
      const xs = tf.tensor2d(inputs, [rows, spec.inputSize]);
      const ys = tf.tensor2d(targets, [rows, spec.outputSize]);
      const result = tf.variableGrads(
        () => lossFunction(model.forward(xs as Tensor2D), ys),
        model.trainableVariables,
      );
      return {
        value: result.value.dataSync()[0] as number,
        grads: model.trainableVariables.map((v) =>
          Array.from(result.grads[v.name]?.dataSync() ?? []),
        ),
      };
    });
    expect(relativeError([fusedLoss], [value])).toBeLessThan(1e-5);
    expect(relativeError(kernel.gradients, grads.flat())).toBeLessThan(1e-5);
    model.dispose();
  });
});

async function trainOn(
  option: 'auto' | 'generic',
  spec: MlpSpec,
  weights: Float32Array[],
  data: { x: number[]; y: number[]; rows: number; batchSize: number },
  loss: LossConfig,
  optimizer: OptimizerName | OptimizerConfig,
  epochs: number,
) {
  const model = createMlpFromWeights(spec, weights);
  const x = tf.tensor2d(data.x, [data.rows, spec.inputSize]);
  const y = tf.tensor2d(data.y, [data.rows, spec.outputSize]);
  const train = new DataLoader(new TensorDataset(x, y), {
    batchSize: data.batchSize,
    shuffle: true,
    seed: 3,
  });
  const result = await trainModel({ model, train, epochs, loss, optimizer, trainingPath: option });
  const after = model.getWeights();
  model.dispose();
  tf.dispose([x, y]);
  return { result, weights: after };
}

describe('trainModel on the fused path and on the generic path', () => {
  /**
   * Trains `fixedCase(activation)` for 10 steps on both paths (the fused one
   * taken) and expects their losses and parameters within 1e-5 relative, and
   * the parameters moved.
   */
  async function expectPathsAgree(
    activation: Activation,
    loss: LossConfig,
    optimizer: OptimizerName | OptimizerConfig,
  ) {
    const { spec, rows, x, y, initial, batchSize } = fixedCase(activation);
    const data = { x, y, rows, batchSize };
    const epochs = Math.ceil(10 / Math.ceil(rows / batchSize));
    const fused = await trainOn('auto', spec, initial, data, loss, optimizer, epochs);
    const generic = await trainOn('generic', spec, initial, data, loss, optimizer, epochs);
    expect(fused.result.trainingPath).toBe('fused-wasm-simd');
    expect(generic.result.trainingPath).toBe('generic');
    expect(
      relativeError(
        fused.result.history.train.map((p) => p.loss),
        generic.result.history.train.map((p) => p.loss),
      ),
    ).toBeLessThan(1e-5);
    fused.weights.forEach((values, v) => {
      expect(relativeError(values, generic.weights[v] as Float32Array)).toBeLessThan(1e-5);
      expect(values).not.toEqual(initial[v]);
    });
  }

  describe.each(OPTIMIZERS)('$name with its defaults', ({ name: optimizer }) => {
    it.each(LOSS_CONFIGS)(
      '$name: losses and parameters after 10 steps within 1e-5 relative',
      async (loss) => {
        await expectPathsAgree('tanh', loss, optimizer);
      },
    );
  });

  it.each(OPTIMIZER_VARIANTS)(
    '%o: losses and parameters after 10 steps within 1e-5',
    async (optimizer) => {
      await expectPathsAgree('leakyRelu', { name: 'l1' }, optimizer);
    },
  );

  it.each(ACTIVATIONS)(
    '$name hidden layers: losses and parameters after 10 steps within 1e-5 relative',
    async ({ name: activation }) => {
      await expectPathsAgree(activation, { name: 'mse' }, { name: 'sgd', learningRate: 0.05 });
    },
  );

  it('the notebook run with validation: 300 epochs of both paths agree within 1e-5', async () => {
    const run = async (option: 'auto' | 'generic') => {
      const setup = notebookSetup(11);
      const result = await trainModel({
        model: setup.model,
        train: setup.train,
        validation: setup.validation,
        epochs: 300,
        loss: 'l1',
        optimizer: { name: 'sgd', learningRate: 1e-3 },
        trainingPath: option,
      });
      const weights = setup.model.getWeights();
      setup.dispose();
      return { result, weights };
    };
    const fused = await run('auto');
    const generic = await run('generic');
    expect(fused.result.trainingPath).toBe('fused-wasm-simd');
    const losses = (r: typeof fused) => [
      ...r.result.history.train.map((p) => p.loss),
      ...r.result.history.val.map((p) => p.loss),
    ];
    expect(relativeError(losses(fused), losses(generic))).toBeLessThan(1e-5);
    fused.weights.forEach((values, v) => {
      expect(relativeError(values, generic.weights[v] as Float32Array)).toBeLessThan(1e-5);
    });
  });

  it('reads batches from any batch source too (not only a DataLoader over tensors)', async () => {
    const random = new SeededRandom(7);
    const spec: MlpSpec = { inputSize: 2, hiddenSizes: [8, 4], outputSize: 1, activation: 'tanh' };
    const x = Array.from({ length: 12 * 2 }, () => random.uniform(-1, 1));
    const y = Array.from({ length: 12 }, () => random.uniform(-1, 1));
    const source: BatchSource = {
      *batches(epoch: number): Generator<Batch> {
        for (let start = 0; start < 12; start += 4) {
          const rows = [0, 1, 2, 3].map((k) => (start + k + epoch) % 12);
          const batch = [
            tf.tensor2d(
              rows.flatMap((r) => [x[2 * r] as number, x[2 * r + 1] as number]),
              [4, 2],
            ),
            tf.tensor2d(
              rows.map((r) => y[r] as number),
              [4, 1],
            ),
          ] as const;
          try {
            yield batch;
          } finally {
            tf.dispose([...batch]);
          }
        }
      },
    };
    const initial = createMlp(spec, random.stream('init'));
    const weights = initial.getWeights();
    initial.dispose();
    const run = async (option: 'auto' | 'generic') => {
      const model = createMlpFromWeights(spec, weights);
      const result = await trainModel({
        model,
        train: source,
        validation: source,
        validationInterval: 2,
        epochs: 6,
        loss: 'mse',
        optimizer: 'adam',
        trainingPath: option,
      });
      const after = model.getWeights();
      model.dispose();
      return { result, after };
    };
    const before = countTensors();
    const fused = await run('auto');
    const generic = await run('generic');
    expect(countTensors()).toBe(before);
    expect(fused.result.trainingPath).toBe('fused-wasm-simd');
    expect(
      relativeError(
        fused.result.history.val.map((p) => p.loss),
        generic.result.history.val.map((p) => p.loss),
      ),
    ).toBeLessThan(1e-5);
    fused.after.forEach((values, v) => {
      expect(relativeError(values, generic.after[v] as Float32Array)).toBeLessThan(1e-5);
    });
  });
});

describe('the model’s variables during a fused run', () => {
  it('hold the current weights in events and in beforeEpoch, as on the generic path', async () => {
    const run = async (option: 'auto' | 'generic') => {
      const setup = notebookSetup(9);
      const seen: { event: Float32Array[]; before: Float32Array[] } = { event: [], before: [] };
      await trainModel({
        model: setup.model,
        train: setup.train,
        epochs: 30,
        loss: 'l1',
        optimizer: { name: 'adam', learningRate: 1e-2 },
        trainingPath: option,
        throttle: { everyEpochs: 20 },
        beforeEpoch: (epoch) => {
          if (epoch === 11) seen.before = setup.model.getWeights();
        },
        callbacks: {
          onEpochEnd: ({ epoch }) => {
            if (epoch === 20) seen.event = setup.model.getWeights();
          },
        },
      });
      setup.dispose();
      return seen;
    };
    const fused = await run('auto');
    const generic = await run('generic');
    expect(fused.event).toHaveLength(8);
    expect(fused.before).toHaveLength(8);
    fused.event.forEach((values, v) => {
      expect(relativeError(values, generic.event[v] as Float32Array)).toBeLessThan(1e-5);
      expect(
        relativeError(fused.before[v] as Float32Array, generic.before[v] as Float32Array),
      ).toBeLessThan(1e-5);
      expect(values).not.toEqual(fused.before[v]);
    });
  });

  it('weights a handler assigns are the ones training continues from, as on the generic path', async () => {
    const run = async (option: 'auto' | 'generic') => {
      const setup = notebookSetup(12);
      const initial = setup.model.getWeights();
      const result = await trainModel({
        model: setup.model,
        train: setup.train,
        epochs: 12,
        loss: 'mse',
        optimizer: { name: 'sgd', learningRate: 0.05, momentum: 0.9 },
        trainingPath: option,
        callbacks: {
          onEpochEnd: ({ epoch }) => {
            if (epoch === 5) setup.model.setWeights(initial);
          },
        },
      });
      setup.dispose();
      return result.history.train.map((point) => point.loss);
    };
    const fused = await run('auto');
    const generic = await run('generic');
    expect(relativeError(fused, generic)).toBeLessThan(1e-5);
    expect(fused[6]).toBeCloseTo(fused[0] as number, 1);
  });
});

describe('choosing the path', () => {
  it('takes the generic path for a model that is not a dense MLP', async () => {
    const model = createEchoModel();
    const x = tf.tensor2d([[1]]);
    const y = tf.tensor2d([[0]]);
    const train = new DataLoader(new TensorDataset(x, y), { batchSize: 1 });
    const result = await trainModel({ model, train, epochs: 2, loss: 'l1', optimizer: 'sgd' });
    expect(result.trainingPath).toBe('generic');
    model.dispose();
    tf.dispose([x, y]);
  });

  it('takes the generic path when forward computes something else than the layers say', async () => {
    const setup = notebookSetup(2);
    const original = setup.model;
    const doubled = Object.create(original) as Mlp;
    Object.defineProperty(doubled, 'forward', {
      value: (input: Tensor2D) => tf.mul(original.forward(input), 2) as Tensor2D,
    });
    const result = await trainModel({
      model: doubled,
      train: setup.train,
      epochs: 2,
      loss: 'l1',
      optimizer: 'sgd',
    });
    expect(result.trainingPath).toBe('generic');
    setup.dispose();
  });

  it('rejects an unknown trainingPath naming the option', async () => {
    const setup = notebookSetup(2);
    await expectInvalid(
      () =>
        trainModel({
          model: setup.model,
          train: setup.train,
          epochs: 1,
          loss: 'l1',
          optimizer: 'sgd',
          trainingPath: 'fast' as 'auto',
        }),
      'trainingPath',
    );
    setup.dispose();
  });
});

describe('the fused path over a long run', () => {
  it('keeps the tensor count flat over 20000 epochs with validation and events', async () => {
    const setup = notebookSetup(5);
    const atStart = countTensors();
    const counts: number[] = [];
    const result = await trainModel({
      model: setup.model,
      train: setup.train,
      validation: setup.validation,
      epochs: 20000,
      loss: 'l1',
      optimizer: 'sgd',
      earlyStopping: { patience: Number.POSITIVE_INFINITY, restoreBestWeights: 'always' },
      throttle: { everyEpochs: 1000 },
      callbacks: {
        onEpochEnd: ({ epoch }) => {
          if (epoch === 1000 || epoch === 19000) counts.push(countTensors());
        },
      },
    });
    expect(result.trainingPath).toBe('fused-wasm-simd');
    expect(result.status).toBe('completed');
    expect(counts).toHaveLength(2);
    expect(counts[1]).toBe(counts[0]);
    expect(countTensors()).toBe(atStart);
    setup.dispose();
  });
});
