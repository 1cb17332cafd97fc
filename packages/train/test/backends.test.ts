import { initBackend } from '@epochlab/tensor';
import { afterAll, describe, expect, it } from 'vitest';
import { type TrainingPathOption, type TrainingResult, trainModel } from '../src/index.js';
import { notebookSetup } from './helpers/notebook-setup.js';

afterAll(async () => {
  await initBackend('cpu');
});

/** 300 epochs of the notebook's setup (learning rate 1e-2) on `backend`, on `trainingPath`. */
async function trainOn(backend: string, trainingPath: TrainingPathOption) {
  await initBackend(backend);
  const setup = notebookSetup(2);
  const result = await trainModel({
    model: setup.model,
    train: setup.train,
    validation: setup.validation,
    epochs: 300,
    loss: 'l1',
    optimizer: { name: 'sgd', learningRate: 1e-2 },
    trainingPath,
  });
  setup.dispose();
  return result;
}

/** Every recorded loss of `actual` within `tolerance` of `expected`'s, epoch by epoch. */
function expectLossesClose(actual: TrainingResult, expected: TrainingResult, tolerance: number) {
  expect(actual.history.train).toHaveLength(expected.history.train.length);
  expect(actual.history.val).toHaveLength(expected.history.val.length);
  const pairs = [
    ...expected.history.train.map((point, i) => [point, actual.history.train[i]] as const),
    ...expected.history.val.map((point, i) => [point, actual.history.val[i]] as const),
  ];
  for (const [a, b] of pairs) {
    expect(b?.epoch).toBe(a.epoch);
    expect(Math.abs((b?.loss as number) - a.loss)).toBeLessThan(tolerance);
  }
}

describe('backends', () => {
  it('tfjs ops on wasm (the generic path) follow the fused path on cpu within 1e-4', async () => {
    const reference = await trainOn('cpu', 'fused');
    expect(reference.trainingPath).toBe('fused-wasm-simd');
    const wasm = await trainOn('wasm', 'generic');
    expect(wasm.trainingPath).toBe('generic');
    expect(wasm.status).toBe('completed');
    expect(wasm.history.train).toHaveLength(300);
    expectLossesClose(wasm, reference, 1e-4);
  });

  it('the fused path gives the same bits on the wasm backend as on cpu', async () => {
    const cpu = await trainOn('cpu', 'fused');
    const wasm = await trainOn('wasm', 'fused');
    expect(wasm.trainingPath).toBe('fused-wasm-simd');
    expect(wasm.history).toEqual(cpu.history);
  });
});
