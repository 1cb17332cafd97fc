import { DataLoader, samplePolynomial, TensorDataset } from '@epochlab/data';
import { ACTIVATIONS, type ActivationFunction, createMlp } from '@epochlab/models';
import { countTensors, initBackend, SeededRandom, tf } from '@epochlab/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { FusedMlpKernel } from '../src/fused/fused-mlp-kernel.js';
import { ROW_BLOCK } from '../src/fused/mlp-workspace.js';
import { trainModel } from '../src/index.js';
import { createFusedLoss } from '../src/losses/create-loss.js';
import type { FusedLoss } from '../src/losses/loss-definition.js';
import { createFusedOptimizer } from '../src/optimizers/create-optimizer.js';
import { referenceL1Gradient } from './helpers/reference-mlp.js';
import { relativeError } from './helpers/relative-error.js';

beforeAll(async () => {
  await initBackend('cpu');
});

const leakyRelu = ACTIVATIONS.find(({ name }) => name === 'leakyRelu') as ActivationFunction;
const l1 = createFusedLoss({ name: 'l1' });

/** A float32 kernel for `widths` holding a seeded `createMlp`'s weights (which it returns too). */
function seededKernel(widths: number[], seed: number) {
  const model = createMlp(
    {
      inputSize: widths[0] as number,
      hiddenSizes: widths.slice(1, -1),
      outputSize: widths.at(-1) as number,
      activation: 'leakyRelu',
    },
    new SeededRandom(seed).stream('init'),
  );
  const weights = model.getWeights();
  model.dispose();
  const kernel = new FusedMlpKernel(widths, leakyRelu, 'auto', 'float32');
  let offset = 0;
  for (const values of weights) {
    kernel.parameters.set(values, offset);
    offset += values.length;
  }
  return { kernel, weights };
}

/** `rows` points of a noisy line as float32 numbers, from `seed`. */
function linePoints(rows: number, seed: number) {
  const random = new SeededRandom(seed);
  const xs = Array.from({ length: rows }, () => Math.fround(random.uniform(-1, 1)));
  const ys = xs.map((x) => Math.fround(x + 0.2 * random.uniform(-1, 1)));
  return { xs, ys, x: Float32Array.from(xs), y: Float32Array.from(ys) };
}

/** The step as one forward and one backward pass over all `rows` (no row blocks). */
function onePass(
  kernel: FusedMlpKernel,
  x: Float32Array,
  y: Float32Array,
  rows: number,
  loss: FusedLoss,
) {
  const { workspace } = kernel;
  workspace.reserve(rows);
  workspace.parameters.set(kernel.parameters);
  workspace.inputs.set(x.subarray(0, rows * kernel.inputSize));
  workspace.forward(rows);
  const count = rows * kernel.outputSize;
  const value = loss.lossAndGradient(workspace.outputs, y, count, workspace.outputDeltas);
  workspace.backward(rows);
  return { value, gradients: workspace.gradients.slice() };
}

/**
 * The kernel's last step (its `loss` and gradients) against a float64 one: the
 * loss within 1e-5 relative, each layer's kernel and bias gradient within
 * `tolerance` of the largest of its values.
 */
function expectNearFloat64Step(
  kernel: FusedMlpKernel,
  loss: number,
  reference: ReturnType<typeof referenceL1Gradient>,
  tolerance: number,
): void {
  expect(Math.abs(loss - reference.loss)).toBeLessThan(1e-5 * reference.loss);
  let offset = 0;
  for (const gradient of reference.gradients) {
    const actual = kernel.gradients.subarray(offset, offset + gradient.length);
    expect(relativeError(actual, gradient)).toBeLessThan(tolerance);
    offset += gradient.length;
  }
}

/** Positions where two arrays' bits differ (NaN counts as equal to NaN). */
function differingBits(a: Float32Array, b: Float32Array): number[] {
  const aBits = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const bBits = new Uint32Array(b.buffer, b.byteOffset, b.length);
  const differing: number[] = [];
  for (let k = 0; k < a.length; k++) if (aBits[k] !== bBits[k]) differing.push(k);
  return differing;
}

describe('a float32 batch in row blocks', () => {
  it(`runs in blocks of ${ROW_BLOCK} rows on WebAssembly SIMD`, () => {
    const { kernel } = seededKernel([1, 12, 12, 16, 1], 1);
    expect(kernel.workspace.precision).toBe('float32');
    expect(kernel.workspace.rowBlock).toBe(256);
  });

  for (const rows of [1, 5, 511, 513, 2047, 10_000]) {
    it(`${rows} rows: the same bits as one pass, and within 1e-4 of a float64 step`, () => {
      const { kernel, weights } = seededKernel([1, 12, 12, 16, 1], 3);
      const { xs, ys, x, y } = linePoints(rows, rows);
      const whole = onePass(kernel, x, y, rows, l1);
      const blocked = kernel.lossAndGradients(x, y, rows, l1);
      expect(blocked).toBe(whole.value);
      expect(differingBits(kernel.gradients, whole.gradients)).toEqual([]);

      expectNearFloat64Step(kernel, blocked, referenceL1Gradient(weights, xs, ys), 1e-4);
    });
  }

  it('keeps the bits of one pass for wider layers, several columns and every loss', () => {
    for (const [widths, rows] of [
      [[3, 40, 17, 2], 700],
      [[2, 300, 5], 513],
      [[4, 64, 64, 1], 1030],
    ] as const) {
      for (const loss of [
        l1,
        createFusedLoss({ name: 'mse' }),
        createFusedLoss({ name: 'huber' }),
      ]) {
        const { kernel } = seededKernel([...widths], 5);
        const random = new SeededRandom(rows);
        const x = Float32Array.from({ length: rows * kernel.inputSize }, () =>
          random.uniform(-2, 2),
        );
        const y = Float32Array.from({ length: rows * kernel.outputSize }, () =>
          random.uniform(-1, 1),
        );
        const whole = onePass(kernel, x, y, rows, loss);
        expect(kernel.lossAndGradients(x, y, rows, loss)).toBe(whole.value);
        expect(differingBits(kernel.gradients, whole.gradients)).toEqual([]);
      }
    }
  });

  it('gives the same bits run to run over several SGD steps', () => {
    const run = () => {
      const { kernel } = seededKernel([1, 12, 12, 16, 1], 7);
      const optimizer = createFusedOptimizer(
        { name: 'sgd', learningRate: 0.05 },
        kernel.parameters.length,
      );
      const losses: number[] = [];
      for (let step = 0; step < 6; step++) {
        const { x, y } = linePoints(2047, 100 + step);
        losses.push(kernel.trainStep(x, y, 2047, l1, optimizer));
      }
      return { losses, parameters: kernel.parameters.slice() };
    };
    const first = run();
    const second = run();
    expect(second.losses).toEqual(first.losses);
    expect(differingBits(second.parameters, first.parameters)).toEqual([]);
    // The steps moved the weights: the comparison is not of six no-ops.
    expect(first.losses[5]).toBeLessThan(first.losses[0] as number);
  });

  it('trains through trainModel at batch 2048 on the float32 path and leaks no tensor', async () => {
    const data = samplePolynomial({
      coefficients: [1, 0],
      n: 3000,
      sigma: 0.1,
      range: 1,
      random: new SeededRandom(2).stream('data'),
    });
    const [x, y] = data.toTensors();
    const before = countTensors();
    const model = createMlp(
      { inputSize: 1, hiddenSizes: [12, 12, 16], outputSize: 1, activation: 'leakyRelu' },
      new SeededRandom(2).stream('init'),
    );
    const result = await trainModel({
      model,
      train: new DataLoader(new TensorDataset(x, y), { batchSize: 2048, shuffle: true, seed: 0 }),
      epochs: 4,
      loss: 'l1',
      optimizer: { name: 'sgd', learningRate: 0.01 },
    });
    model.dispose();
    expect(result.trainingPath).toBe('fused-wasm-simd-f32');
    expect(result.history.train).toHaveLength(4);
    expect(countTensors()).toBe(before);
    tf.dispose([x, y]);
  });
});

describe('narrow layers (the float32 products read them in place)', () => {
  for (const hidden of [[1], [3], [12, 13], [16, 17], [17, 3, 16], [13, 12, 1, 17]]) {
    it(`1-${hidden.join('-')}-1 within 1e-5 of a float64 step, 37 and 300 rows`, () => {
      for (const rows of [37, 300]) {
        const { kernel, weights } = seededKernel([1, ...hidden, 1], hidden.length + rows);
        const { xs, ys, x, y } = linePoints(rows, 40 + rows);
        const loss = kernel.lossAndGradients(x, y, rows, l1);
        expectNearFloat64Step(kernel, loss, referenceL1Gradient(weights, xs, ys), 1e-5);
      }
    });
  }
});

describe("plain SGD's update in the workspace", () => {
  it('has the bits of the JavaScript step, also past a multiple of four and at zeros', () => {
    const { kernel } = seededKernel([1, 12, 12, 16, 1], 9);
    const { workspace } = kernel;
    const count = kernel.parameters.length;
    expect(count % 4).not.toBe(0);
    const random = new SeededRandom(9);
    const parameters = Float32Array.from({ length: count }, () => random.uniform(-3, 3));
    const gradients = Float32Array.from(
      { length: count },
      () => random.uniform(-1, 1) * 10 ** random.uniform(-8, 2),
    );
    for (const k of [0, 1, count - 1]) gradients[k] = 0;
    parameters[2] = -0;
    const optimizer = createFusedOptimizer({ name: 'sgd', learningRate: 0.013 }, count);
    expect(optimizer.descentRate).toBe(Math.fround(-0.013));
    workspace.reserve(1);
    workspace.parameters.set(parameters);
    workspace.gradients.set(gradients);
    workspace.descend?.(optimizer.descentRate as number);
    const expected = parameters.slice();
    optimizer.step(expected, gradients);
    expect(differingBits(workspace.parameters, expected)).toEqual([]);
    expect(differingBits(workspace.parameters, parameters).length).toBeGreaterThan(count / 2);
  });

  it('is offered only by plain SGD (momentum keeps its JavaScript step)', () => {
    expect(
      createFusedOptimizer({ name: 'sgd', learningRate: 0.1, momentum: 0.9 }, 8).descentRate,
    ).toBeUndefined();
    expect(createFusedOptimizer({ name: 'adam' }, 8).descentRate).toBeUndefined();
  });
});
