import { DataLoader, samplePolynomial, TensorDataset } from '@epochlab/data';
import { ACTIVATIONS, type ActivationFunction, createMlp } from '@epochlab/models';
import { countTensors, initBackend, SeededRandom, tf } from '@epochlab/tensor';
import { afterAll, describe, expect, it } from 'vitest';
// The built modules: the helper threads run dist/node/pass-thread-worker.js, and
// dist/node.js installs them for dist's kernels.
import '../dist/enable-relaxed-simd.js';
import { chooseThreads } from '../dist/fused/choose-threads.js';
import { FusedMlpKernel } from '../dist/fused/fused-mlp-kernel.js';
import { CONTROL } from '../dist/fused/threads/pass-control.js';
import { passThreadHost } from '../dist/fused/threads/pass-thread-host.js';
import { createFusedLoss } from '../dist/losses/create-loss.js';
import { trainModel } from '../dist/node.js';
import { createFusedOptimizer } from '../dist/optimizers/create-optimizer.js';
import { resolveOptimizerConfig } from '../dist/optimizers/resolve-optimizer-config.js';

const activation = (name: string) =>
  ACTIVATIONS.find((entry) => entry.name === name) as ActivationFunction;

const kernels: FusedMlpKernel[] = [];
afterAll(() => {
  for (const kernel of kernels) kernel.dispose();
});

/** A float32 kernel on `threads` threads, its parameters a function of `seed`. */
function kernelFor(widths: number[], name: string, threads: number, seed: number) {
  const kernel = new FusedMlpKernel(widths, activation(name), 'auto', 'float32', true, threads);
  kernels.push(kernel);
  // A cheap deterministic fill (a million draws of SeededRandom take seconds).
  const scale = 1 / Math.sqrt(widths[1] ?? 1);
  for (let k = 0; k < kernel.parameters.length; k++) {
    kernel.parameters[k] = Math.fround(Math.sin(12.9898 * k + seed) * scale);
  }
  return kernel;
}

/** Waits (at most 5 s) until the kernel's helper threads have started. */
async function helpersStarted(kernel: FusedMlpKernel): Promise<Int32Array> {
  const team = (kernel.workspace as unknown as { team: { control: Int32Array; helpers: number } })
    .team;
  for (let waited = 0; waited < 5000; waited += 10) {
    if (Atomics.load(team.control, CONTROL.READY) === team.helpers) return team.control;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the helper threads did not start');
}

/** How many elements of `a` and `b` differ in any bit (a deep equal of a million takes seconds). */
function differingBits(a: Float32Array, b: Float32Array): number {
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length);
  let count = Math.abs(x.length - y.length);
  for (let k = 0; k < Math.min(x.length, y.length); k++) if (x[k] !== y[k]) count++;
  return count;
}

/** `steps` SGD steps on one batch; returns the losses and the parameters after. */
function train(kernel: FusedMlpKernel, rows: number, steps: number, seed: number) {
  const random = new SeededRandom(seed).stream('batch');
  const inputs = Float32Array.from(
    { length: rows * kernel.inputSize },
    () => random.uniform() * 2 - 1,
  );
  const targets = Float32Array.from({ length: rows * kernel.outputSize }, () => random.uniform());
  const loss = createFusedLoss({ name: 'mse' });
  const optimizer = createFusedOptimizer(
    resolveOptimizerConfig({ name: 'sgd', learningRate: 0.05 }),
    kernel.parameters.length,
  );
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    losses.push(kernel.trainStep(inputs, targets, rows, loss, optimizer));
  }
  return { losses, parameters: Float32Array.from(kernel.parameters) };
}

describe('the fused kernel on several threads (Node worker threads)', () => {
  it('has a host where the Node entry is loaded', () => {
    expect(passThreadHost()).toBeDefined();
  });

  // Widths that are not multiples of the 8-column panels, a layer narrower than a
  // panel per thread, one wide enough for the in-place and packed products, and
  // batches that run in one pass and in row blocks of 256.
  it.each([
    { widths: [3, 37, 29, 5], name: 'tanh', rows: 7, threads: 2 },
    { widths: [1, 300, 260, 1], name: 'leakyRelu', rows: 33, threads: 2 },
    { widths: [2, 520, 9, 1], name: 'relu', rows: 300, threads: 3 },
    { widths: [1, 1024, 1024, 1], name: 'leakyRelu', rows: 32, threads: 2 },
  ])('gives the same bits as one thread: $widths, $rows rows, $threads threads', async (shape) => {
    const alone = kernelFor(shape.widths, shape.name, 1, 7);
    const split = kernelFor(shape.widths, shape.name, shape.threads, 7);
    expect(alone.workspace.threads ?? 1).toBe(1);
    expect(split.workspace.threads).toBe(shape.threads);
    // The split workspace's arrays are the kernel's: nothing is copied per pass.
    expect(split.parameters).toBe(split.workspace.parameters);
    expect(split.parameters.buffer).toBeInstanceOf(SharedArrayBuffer);
    const control = await helpersStarted(split);
    // A pass below 1M multiply-adds (a row block's rows times the multiply-adds of a
    // row) runs on the caller's thread alone: no command is posted for it.
    const macs = shape.widths.slice(1).reduce((sum, width, index) => {
      return sum + width * (shape.widths[index] as number);
    }, 0);
    const expected = train(alone, shape.rows, 3, 11);
    const actual = train(split, shape.rows, 3, 11);
    expect(actual.losses).toEqual(expected.losses);
    expect(differingBits(actual.parameters, expected.parameters)).toBe(0);
    const posted = Atomics.load(control, CONTROL.SEQUENCE);
    if (Math.min(shape.rows, 256) * macs >= 1_000_000) expect(posted).toBeGreaterThan(0);
    else expect(posted).toBe(0);
  });

  it('splits a narrower network once a batch reaches 1M multiply-adds, with the same bits', async () => {
    // 64 rows x 26,720 multiply-adds (4 x 160 + 160 x 160 + 160 x 3) = 1.7M a pass.
    const widths = [4, 160, 160, 3];
    const alone = kernelFor(widths, 'sigmoid', 1, 3);
    const split = kernelFor(widths, 'sigmoid', 2, 3);
    const control = await helpersStarted(split);
    const expected = train(alone, 64, 4, 5);
    const actual = train(split, 64, 4, 5);
    expect(Atomics.load(control, CONTROL.SEQUENCE)).toBeGreaterThan(0);
    expect(actual.losses).toEqual(expected.losses);
    expect(differingBits(actual.parameters, expected.parameters)).toBe(0);
  });

  it("'auto' adds the spare cores only for networks whose batch of 32 reaches 1M multiply-adds", () => {
    const spare = passThreadHost()?.spareThreads ?? 0;
    // The notebook's network: 12 + 144 + 192 + 16 multiply-adds per row.
    expect(chooseThreads([1, 12, 12, 16, 1], 'auto')).toBe(1);
    // Two layers of 128: 16,640 per row, 532,480 at batch 32.
    expect(chooseThreads([1, 128, 128, 1], 'auto')).toBe(1);
    // Two layers of 256: 66,048 per row, 2.1M at batch 32.
    expect(chooseThreads([1, 256, 256, 1], 'auto')).toBe(1 + spare);
    expect(chooseThreads([1, 1024, 1024, 1], 'auto')).toBe(1 + spare);
    expect(chooseThreads([1, 12, 12, 16, 1], 3)).toBe(3);
  });

  it('runs the exact precision on one thread whatever it is asked', () => {
    const kernel = new FusedMlpKernel(
      [1, 512, 512, 1],
      activation('relu'),
      'auto',
      'exact',
      true,
      2,
    );
    kernels.push(kernel);
    expect(kernel.workspace.threads ?? 1).toBe(1);
    expect(kernel.parameters.buffer).not.toBeInstanceOf(SharedArrayBuffer);
  });

  it('trainModel says how many threads ran, with the same losses as one', async () => {
    await initBackend('cpu');
    const before = countTensors();
    const [x, y] = samplePolynomial({
      coefficients: [1, 0],
      n: 256,
      sigma: 0.2,
      range: 1,
      random: new SeededRandom(0).stream('data'),
    }).toTensors();
    const run = async (fusedThreads: number | 'auto' | undefined) => {
      const model = createMlp(
        { inputSize: 1, hiddenSizes: [256, 256], outputSize: 1, activation: 'leakyRelu' },
        new SeededRandom(0).stream('init'),
      );
      try {
        return await trainModel({
          model,
          train: new DataLoader(new TensorDataset(x, y), { batchSize: 64, shuffle: true, seed: 0 }),
          epochs: 3,
          loss: 'l1',
          optimizer: { name: 'sgd', learningRate: 1e-2 },
          ...(fusedThreads === undefined ? {} : { fusedThreads }),
        });
      } finally {
        model.dispose();
      }
    };
    const two = await run(2);
    const one = await run(1);
    expect(two.trainingThreads).toBe(2);
    expect(one.trainingThreads).toBeUndefined();
    expect(two.history.train).toEqual(one.history.train);
    const auto = await run(undefined);
    const spare = passThreadHost()?.spareThreads ?? 0;
    expect(auto.trainingThreads).toBe(spare > 0 ? 1 + spare : undefined);
    for (const wrong of [0, 1.5, -2, 'many']) {
      await expect(run(wrong as number)).rejects.toThrow(
        /fusedThreads.*'auto' or a whole number >= 1/,
      );
    }
    tf.dispose([x, y]);
    expect(countTensors()).toBe(before);
  });
});
