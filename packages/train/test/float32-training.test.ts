import { DataLoader, sampleLine, TensorDataset } from '@epochlab/data';
import { createMlp, type Mlp, NOTEBOOK_MLP } from '@epochlab/models';
import { countTensors, initBackend, SeededRandom, tf } from '@epochlab/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDenseMlp } from '../src/fused/dense-mlp-model.js';
import { FusedMlpKernel } from '../src/fused/fused-mlp-kernel.js';
import { type FusedPrecisionOption, type TrainingResult, trainModel } from '../src/index.js';
import { createFusedLoss } from '../src/losses/create-loss.js';
import { expectInvalid } from './helpers/expect-invalid.js';
import { referenceL1Gradient } from './helpers/reference-mlp.js';
import { relativeError } from './helpers/relative-error.js';

beforeAll(async () => {
  await initBackend('cpu');
});

/** A LeakyReLU MLP with one input and output, `hidden` layers, from `seed`. */
function mlp(hidden: number[], seed: number): Mlp {
  return createMlp(
    { inputSize: 1, hiddenSizes: hidden, outputSize: 1, activation: 'leakyRelu' },
    new SeededRandom(seed).stream('init'),
  );
}

/** Trains `hidden` (fixed init) on `n` points of a line (default 96), batch 16 unless given, SGD. */
async function train(
  hidden: number[],
  fusedPrecision: FusedPrecisionOption | undefined,
  epochs = 2,
  { n = 96, batchSize = 16 } = {},
): Promise<{ result: TrainingResult; weights: Float32Array[] }> {
  const random = new SeededRandom(5);
  const [x, y] = sampleLine({
    slope: 1,
    intercept: 0,
    n,
    sigma: 0.2,
    range: 1,
    random: random.stream('data'),
  }).toTensors();
  const model = mlp(hidden, 6);
  try {
    const result = await trainModel({
      model,
      train: new DataLoader(new TensorDataset(x, y), { batchSize, shuffle: true, seed: 3 }),
      epochs,
      loss: 'l1',
      optimizer: { name: 'sgd', learningRate: 0.05 },
      ...(fusedPrecision === undefined ? {} : { fusedPrecision }),
    });
    const weights = model.getWeights();
    return { result, weights };
  } finally {
    model.dispose();
    tf.dispose([x, y]);
  }
}

describe('which precision a run gets', () => {
  it.each([
    { hidden: [...NOTEBOOK_MLP.hiddenSizes], option: undefined, path: 'fused-wasm-simd' },
    { hidden: [32, 32], option: undefined, path: 'fused-wasm-simd' },
    { hidden: [256, 256], option: undefined, path: 'fused-wasm-simd-f32' },
    { hidden: [12, 64], option: 'auto', path: 'fused-wasm-simd-f32' },
    { hidden: [256, 256], option: 'exact', path: 'fused-wasm-simd' },
    { hidden: [...NOTEBOOK_MLP.hiddenSizes], option: 'float32', path: 'fused-wasm-simd-f32' },
  ] as const)('hidden $hidden, fusedPrecision $option: $path', async ({ hidden, option, path }) => {
    const { result } = await train([...hidden], option, 1);
    expect(result.trainingPath).toBe(path);
  });

  it.each([
    { batchSize: 511, option: undefined, path: 'fused-wasm-simd' },
    { batchSize: 512, option: undefined, path: 'fused-wasm-simd-f32' },
    { batchSize: 1024, option: 'auto', path: 'fused-wasm-simd-f32' },
    { batchSize: 1024, option: 'exact', path: 'fused-wasm-simd' },
  ] as const)(
    'the notebook network on batches of $batchSize, fusedPrecision $option: $path',
    async ({ batchSize, option, path }) => {
      const hidden = [...NOTEBOOK_MLP.hiddenSizes];
      const { result } = await train(hidden, option, 1, { n: 1024, batchSize });
      expect(result.trainingPath).toBe(path);
    },
  );

  it('refuses an unknown fusedPrecision, naming it and the values allowed', async () => {
    const model = mlp([4], 1);
    const x = tf.zeros([4, 1]);
    try {
      const error = await expectInvalid(
        () =>
          trainModel({
            model,
            train: new DataLoader(new TensorDataset(x, x), { batchSize: 2 }),
            epochs: 1,
            loss: 'l1',
            optimizer: 'sgd',
            fusedPrecision: 'float16' as FusedPrecisionOption,
          }),
        'fusedPrecision',
      );
      expect(error.message).toContain('auto, exact, float32');
    } finally {
      model.dispose();
      x.dispose();
    }
  });
});

describe('a float32 training run', () => {
  it('is bit-identical run to run', async () => {
    const first = await train([64, 64], 'float32');
    const second = await train([64, 64], 'float32');
    expect(second.result.history).toEqual(first.result.history);
    expect(second.weights).toEqual(first.weights);
  });

  it('follows the exact run within float32 rounding (losses and weights after 12 steps)', async () => {
    const float32 = await train([96, 64], 'float32');
    const exact = await train([96, 64], 'exact');
    expect(float32.result.trainingPath).toBe('fused-wasm-simd-f32');
    expect(exact.result.trainingPath).toBe('fused-wasm-simd');
    const losses = (run: typeof exact) => run.result.history.train.map(({ loss }) => loss);
    expect(relativeError(losses(float32), losses(exact))).toBeLessThan(1e-5);
    float32.weights.forEach((weights, index) => {
      expect(relativeError(weights, exact.weights[index] as Float32Array)).toBeLessThan(1e-4);
    });
  });

  it('leaks no tensor', async () => {
    await train([64, 64], 'float32', 1);
    const before = countTensors();
    await train([64, 64], 'float32', 1);
    expect(countTensors()).toBe(before);
  });
});

describe('a float32 step against a float64 reference', () => {
  it('loss and every gradient of a 1-64-64-1 step within 1e-5 relative', () => {
    const model = mlp([64, 64], 11);
    try {
      const reading = readDenseMlp(model);
      if (!('dense' in reading)) throw new Error(reading.reason);
      const kernel = new FusedMlpKernel(
        reading.dense.widths,
        reading.dense.activation,
        'auto',
        'float32',
      );
      const weights = model.getWeights();
      let offset = 0;
      for (const values of weights) {
        kernel.parameters.set(values, offset);
        offset += values.length;
      }
      const random = new SeededRandom(12);
      const xs = Array.from({ length: 37 }, () => Math.fround(random.uniform(-1, 1)));
      const ys = xs.map((x) => Math.fround(x + 0.1 * random.uniform(-1, 1)));
      const loss = kernel.lossAndGradients(
        Float32Array.from(xs),
        Float32Array.from(ys),
        xs.length,
        createFusedLoss({ name: 'l1' }),
      );
      const reference = referenceL1Gradient(weights, xs, ys);
      expect(Math.abs(loss - reference.loss)).toBeLessThan(1e-5 * Math.abs(reference.loss));
      offset = 0;
      for (const gradient of reference.gradients) {
        const actual = kernel.gradients.subarray(offset, offset + gradient.length);
        expect(relativeError(actual, gradient)).toBeLessThan(1e-5);
        offset += gradient.length;
      }
    } finally {
      model.dispose();
    }
  });
});
