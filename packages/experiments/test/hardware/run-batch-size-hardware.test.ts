import { initBackend, tf } from '@epochlab/tensor';
import { describe, expect, it } from 'vitest';
import {
  type HardwareCell,
  parseHardwareConfig,
  runBatchSizeHardware,
  throughputKnees,
} from '../../src/index.js';

const config = parseHardwareConfig({
  experiment: 'batch-size-hardware',
  n: 64,
  batchSizes: [1, 64],
  hidden: [8],
  seconds: 0.05,
});

describe('runBatchSizeHardware', () => {
  it('names the backend and the training path that ran and lists what could not start', async () => {
    const result = await runBatchSizeHardware(config, {
      backends: ['cpu', 'wasm', 'tensorflow'],
    });
    expect(result.unavailable.map((u) => u.backend)).toEqual(['tensorflow']);
    expect(result.unavailable[0]?.reason).toContain('@tensorflow/tfjs-node');
    expect(result.cells.map((c) => [c.backend, c.model, c.batchSize])).toEqual([
      ['cpu', 'notebook', 1],
      ['cpu', 'notebook', 64],
      ['cpu', 'wide', 1],
      ['cpu', 'wide', 64],
      ['wasm', 'notebook', 1],
      ['wasm', 'notebook', 64],
      ['wasm', 'wide', 1],
      ['wasm', 'wide', 64],
    ]);
    for (const cell of result.cells) {
      // A dense MLP on cpu or wasm takes the fused path (`auto`), in WASM SIMD or in JS.
      expect(['fused-wasm-simd', 'fused-js']).toContain(cell.trainingPath);
      expect(cell.epochs).toBeGreaterThan(0);
      expect(cell.samplesPerSecond).toBeCloseTo((cell.epochs * 64) / cell.seconds, 6);
    }
    // 1-12-12-16-1: 24 + 156 + 208 + 17 = 405 parameters; 1-8-1: 16 + 9 = 25.
    expect(result.cells.find((c) => c.model === 'notebook')?.parameters).toBe(405);
    expect(result.cells.find((c) => c.model === 'wide')?.parameters).toBe(25);
  });

  it('leaves no tensor behind', async () => {
    await initBackend('cpu');
    const before = tf.memory().numTensors;
    await runBatchSizeHardware(config, { backends: ['cpu'] });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('runs the generic path when the config asks for it, and says so', async () => {
    const result = await runBatchSizeHardware(
      { ...config, batchSizes: [64], trainingPath: 'generic' },
      { backends: ['cpu'] },
    );
    expect(result.cells.map((c) => c.trainingPath)).toEqual(['generic', 'generic']);
  });
});

describe('throughputKnees', () => {
  const cell = (batchSize: number, samplesPerSecond: number): HardwareCell => ({
    backend: 'cpu',
    model: 'notebook',
    hidden: [12, 12, 16],
    parameters: 405,
    batchSize,
    label: String(batchSize),
    trainingPath: 'fused-js',
    epochs: 1,
    seconds: 1,
    samplesPerSecond,
    secondsToTarget: null,
    finalTrainLoss: null,
  });

  it('picks the smallest batch size within 90% of the best throughput', () => {
    // Best 1000 at 256; 90% of it is 900: 64 (950) is the first at or above it, 16 (899) is not.
    const knees = throughputKnees([
      cell(1, 100),
      cell(16, 899),
      cell(64, 950),
      cell(256, 1000),
      cell(1024, 700),
    ]);
    expect(knees).toEqual([
      {
        backend: 'cpu',
        model: 'notebook',
        batchSize: 64,
        samplesPerSecond: 950,
        bestBatchSize: 256,
        bestSamplesPerSecond: 1000,
      },
    ]);
  });
});
