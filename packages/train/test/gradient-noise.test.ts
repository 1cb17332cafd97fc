import { DataLoader, RandomSampler, sampleLine, TensorDataset } from '@epochlab/data';
import { createMlp, type Mlp, NOTEBOOK_MLP } from '@epochlab/models';
import {
  countTensors,
  initBackend,
  SeededRandom,
  type Tensor2D,
  tf,
  type Variable,
} from '@epochlab/tensor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLoss,
  type GradientBatch,
  type LossConfig,
  measureGradientNoise,
  trainModel,
} from '../src/index.js';
import { expectInvalid } from './helpers/expect-invalid.js';
import { createEchoModel } from './helpers/scripted.js';

beforeAll(async () => {
  await initBackend('cpu');
});

/** The batch-size lab's default data: 100 points around y = x (sigma 0.2, range 1). */
function labData(seed: number): GradientBatch {
  const samples = sampleLine({
    slope: 1,
    intercept: 0,
    n: 100,
    sigma: 0.2,
    range: 1,
    random: new SeededRandom(seed).stream('train-data'),
  });
  return { inputs: Float32Array.from(samples.x), targets: Float32Array.from(samples.y), rows: 100 };
}

/** `full`'s rows in `order`, cut into batches of `size` (the last short one kept). */
function batchesOf(full: GradientBatch, order: Int32Array, size: number): GradientBatch[] {
  const batches: GradientBatch[] = [];
  for (let start = 0; start < order.length; start += size) {
    const indices = order.subarray(start, Math.min(start + size, order.length));
    batches.push({
      inputs: Float32Array.from(indices, (index) => full.inputs[index] as number),
      targets: Float32Array.from(indices, (index) => full.targets[index] as number),
      rows: indices.length,
    });
  }
  return batches;
}

function model(seed: number): Mlp {
  return createMlp(NOTEBOOK_MLP, new SeededRandom(seed).stream('init'));
}

function weights(mlp: Mlp): number[][] {
  return mlp.trainableVariables.map((variable: Variable) => Array.from(variable.dataSync()));
}

describe('measureGradientNoise', () => {
  it('gives cosine 1 and variance 0 when the one batch holds every point', () => {
    const full = labData(3);
    const mlp = model(3);
    const order = new RandomSampler(100, 3).order(1);
    const noise = measureGradientNoise(mlp, {
      loss: 'l1',
      full,
      batches: batchesOf(full, order, 100),
    });
    // The same points in another order: the same gradient up to float32 rounding of the sums.
    expect(noise.cosines).toHaveLength(1);
    expect(Math.abs(noise.meanCosine - 1)).toBeLessThan(1e-6);
    expect(noise.meanSquaredDistance).toBeLessThan(1e-10 * noise.fullGradientNorm ** 2);
    expect(noise.meanBatchGradientNorm).toBeCloseTo(noise.fullGradientNorm, 5);
    mlp.dispose();
  });

  for (const loss of [{ name: 'l1' }, { name: 'mse' }, { name: 'huber', delta: 0.3 }] as const) {
    it(`computes the full-batch gradient that tfjs autodiff computes (${loss.name})`, () => {
      const full = labData(5);
      const mlp = model(5);
      const noise = measureGradientNoise(mlp, {
        loss: loss as LossConfig,
        full,
        batches: [full],
      });
      const expected = tf.tidy(() => {
        const x = tf.tensor2d(full.inputs, [100, 1]);
        const y = tf.tensor2d(full.targets, [100, 1]);
        const lossFunction = createLoss(loss as LossConfig);
        const { value, grads } = tf.variableGrads(
          () => lossFunction(mlp.forward(x as Tensor2D), y),
          mlp.trainableVariables as Variable[],
        );
        return {
          loss: value.dataSync()[0] as number,
          gradient: mlp.trainableVariables.flatMap((variable) =>
            Array.from((grads[variable.name] as tf.Tensor).dataSync()),
          ),
        };
      });
      expect(noise.fullGradient).toHaveLength(expected.gradient.length);
      const maxError = Math.max(
        ...expected.gradient.map((value, k) => Math.abs(value - (noise.fullGradient[k] as number))),
      );
      expect(maxError).toBeLessThan(1e-5);
      // A real gradient, not zeros on both sides.
      expect(Math.max(...expected.gradient.map(Math.abs))).toBeGreaterThan(1e-2);
      expect(noise.fullLoss).toBeCloseTo(expected.loss, 6);
      mlp.dispose();
    });
  }

  it('gives smaller batches a lower mean cosine to the full gradient (default data, five seeds)', async () => {
    for (const seed of [0, 1, 2, 3, 4]) {
      const full = labData(seed);
      const mlp = model(seed);
      const order = new RandomSampler(100, seed).order(1);
      const cosineFor = (size: number) =>
        measureGradientNoise(mlp, { loss: 'l1', full, batches: batchesOf(full, order, size) })
          .meanCosine;
      const variance = (size: number) =>
        measureGradientNoise(mlp, { loss: 'l1', full, batches: batchesOf(full, order, size) })
          .meanSquaredDistance;
      const sizes = [1, 5, 25, 100];
      const atStart = sizes.map(cosineFor);
      for (let k = 1; k < sizes.length; k++) {
        expect(atStart[k], `seed ${seed}, batch size ${sizes[k]}`).toBeGreaterThan(
          atStart[k - 1] as number,
        );
      }
      const variances = sizes.map(variance);
      for (let k = 1; k < sizes.length; k++) {
        expect(variances[k]).toBeLessThan(variances[k - 1] as number);
      }
      mlp.dispose();
    }
  });

  it('gives smaller batches a lower mean cosine after training too (averaged over 16 orders)', async () => {
    for (const seed of [0, 1, 2, 3, 4, 5, 6, 7]) {
      const full = labData(seed);
      const mlp = model(seed);
      const [x, y] = [tf.tensor2d(full.inputs, [100, 1]), tf.tensor2d(full.targets, [100, 1])];
      await trainModel({
        model: mlp,
        train: new DataLoader(new TensorDataset(x, y), { batchSize: 5, shuffle: true, seed }),
        epochs: 50,
        loss: 'l1',
        optimizer: { name: 'sgd', learningRate: 0.02 },
      });
      tf.dispose([x, y]);
      // Near a minimum the full gradient is small, so one epoch's few large batches can
      // point anywhere; the mean over many orders shows the trend.
      const sampler = new RandomSampler(100, seed);
      const cosineFor = (size: number) =>
        measureGradientNoise(mlp, {
          loss: 'l1',
          full,
          batches: Array.from({ length: 16 }, (_, k) => sampler.order(50 + k)).flatMap((order) =>
            batchesOf(full, order, size),
          ),
        }).meanCosine;
      const cosines = [1, 5, 25, 100].map(cosineFor);
      for (let k = 1; k < cosines.length; k++) {
        expect(cosines[k], `seed ${seed}`).toBeGreaterThan(cosines[k - 1] as number);
      }
      mlp.dispose();
    }
  });

  it('reads the weights without changing them or leaving tensors behind', () => {
    const full = labData(1);
    const mlp = model(1);
    const before = weights(mlp);
    const tensors = countTensors();
    const order = new RandomSampler(100, 1).order(0);
    measureGradientNoise(mlp, { loss: 'mse', full, batches: batchesOf(full, order, 10) });
    expect(countTensors()).toBe(tensors);
    expect(weights(mlp)).toEqual(before);
    mlp.dispose();
  });

  it('measures the weights the model has now, during training too', async () => {
    const full = labData(2);
    const mlp = model(2);
    const order = new RandomSampler(100, 2).order(0);
    const batches = batchesOf(full, order, 5);
    const atStart = measureGradientNoise(mlp, { loss: 'l1', full, batches });
    const x = tf.tensor2d(full.inputs, [100, 1]);
    const y = tf.tensor2d(full.targets, [100, 1]);
    const seen: number[] = [];
    await trainModel({
      model: mlp,
      train: { batches: () => [[x, y] as const] },
      epochs: 30,
      loss: 'l1',
      optimizer: { name: 'sgd', learningRate: 0.05 },
      callbacks: {
        onEpochEnd: () => {
          seen.push(measureGradientNoise(mlp, { loss: 'l1', full, batches }).fullLoss);
        },
      },
    });
    tf.dispose([x, y]);
    // Full-batch descent: the loss measured after each epoch goes down.
    expect(seen[0]).toBeLessThan(atStart.fullLoss);
    expect(seen.at(-1)).toBeLessThan(seen[0] as number);
    mlp.dispose();
  });

  it('names what does not fit', async () => {
    const full = labData(0);
    const mlp = model(0);
    const echo = createEchoModel();
    await expectInvalid(
      () => measureGradientNoise(echo, { loss: 'l1', full, batches: [full] }),
      'model',
    );
    echo.dispose();
    await expectInvalid(
      () => measureGradientNoise(mlp, { loss: 'l1', full, batches: [] }),
      'batches',
    );
    await expectInvalid(
      () =>
        measureGradientNoise(mlp, {
          loss: 'l1',
          full,
          batches: [{ inputs: new Float32Array(2), targets: new Float32Array(2), rows: 3 }],
        }),
      'batches[0]',
    );
    await expectInvalid(
      () => measureGradientNoise(mlp, { loss: 'l1', full: { ...full, rows: 0 }, batches: [full] }),
      'full',
    );
    await expectInvalid(
      () =>
        measureGradientNoise(mlp, {
          loss: 'cross-entropy' as unknown as 'l1',
          full,
          batches: [full],
        }),
      'loss',
    );
    mlp.dispose();
  });
});

describe('measureGradientNoise on another backend', () => {
  afterAll(async () => {
    await initBackend('cpu');
  });

  it('gives on wasm what it gives on cpu (it only reads the weights)', async () => {
    const full = labData(4);
    const order = new RandomSampler(100, 4).order(1);
    const batches = batchesOf(full, order, 5);
    const measure = () => {
      const mlp = model(4);
      const noise = measureGradientNoise(mlp, { loss: 'l1', full, batches });
      mlp.dispose();
      return noise;
    };
    const onCpu = measure();
    await initBackend('wasm');
    const before = countTensors();
    const onWasm = measure();
    expect(countTensors()).toBe(before);
    expect(onWasm.cosines).toEqual(onCpu.cosines);
    expect(onWasm.squaredDistances).toEqual(onCpu.squaredDistances);
  });
});
