import { initBackend } from '@epochlab/tensor';
import { afterAll, describe, expect, it } from 'vitest';
import { trainModel } from '../src/index.js';
import { notebookSetup } from './helpers/notebook-setup.js';

afterAll(async () => {
  await initBackend('cpu');
});

/** 300 epochs of the notebook's setup (learning rate 1e-2) on `backend`. */
async function trainOn(backend: string) {
  await initBackend(backend);
  const setup = notebookSetup(2);
  const result = await trainModel({
    model: setup.model,
    train: setup.train,
    validation: setup.validation,
    epochs: 300,
    loss: 'l1',
    optimizer: { name: 'sgd', learningRate: 1e-2 },
  });
  setup.dispose();
  return result;
}

describe('backends', () => {
  it('wasm follows the cpu run within float32 rounding (1e-4 on every loss)', async () => {
    const cpu = await trainOn('cpu');
    const wasm = await trainOn('wasm');
    expect(wasm.status).toBe('completed');
    expect(wasm.history.train).toHaveLength(300);
    const pairs = [
      ...cpu.history.train.map((point, i) => [point, wasm.history.train[i]] as const),
      ...cpu.history.val.map((point, i) => [point, wasm.history.val[i]] as const),
    ];
    for (const [a, b] of pairs) {
      expect(b?.epoch).toBe(a.epoch);
      expect(Math.abs((b?.loss as number) - a.loss)).toBeLessThan(1e-4);
    }
  });
});
