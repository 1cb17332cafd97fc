import type { Mlp } from '@epochlab/models';
import { countTensors } from '@epochlab/tensor';
import { describe, expect, it } from 'vitest';
import { type ExperimentEvent, fitCurve, runExperiment } from '../src/index.js';

const short = { experiment: 'line', epochs: 40 } as const;

describe('runExperiment', () => {
  it('sends start, epoch and end events in order and returns a consistent result', async () => {
    const events: ExperimentEvent[] = [];
    const result = await runExperiment(short, {
      backend: 'cpu',
      progressIntervalMs: 0,
      onEvent: (event) => events.push(event),
    });
    try {
      expect(events[0]?.type).toBe('start');
      expect(events.at(-1)?.type).toBe('end');
      const epochs = events.filter((e) => e.type === 'epoch');
      expect(epochs.map((e) => e.epoch)).toEqual(Array.from({ length: 40 }, (_, i) => i));
      // The latest validation loss travels with every epoch event.
      const at15 = epochs[15];
      expect(at15?.valEpoch).toBe(10);
      expect(at15?.valLoss).toBe(result.history.val[1]?.loss);

      expect(result.status).toBe('completed');
      expect(result.backend.name).toBe('cpu');
      expect(result.model.parameterCount).toBe(405);
      expect(result.history.train).toHaveLength(40);
      expect(result.history.val.map((p) => p.epoch)).toEqual([0, 10, 20, 30]);
      expect(result.data.train.x).toHaveLength(5);
      expect(result.data.validation?.x).toHaveLength(5);
      expect(result.summary.finalTrainLoss).toBe(result.history.train.at(-1)?.loss);

      const curve = fitCurve(result, 100);
      const xs = [...result.data.train.x, ...(result.data.validation?.x ?? [])];
      expect(curve.x).toHaveLength(100);
      expect(curve.x[0]).toBe(Math.min(...xs));
      expect(curve.x.at(-1)).toBeCloseTo(Math.max(...xs), 12);
      expect(curve.y.every(Number.isFinite)).toBe(true);
    } finally {
      result.model.dispose();
    }
  });

  it('passes the model in the start event, so live views can draw the curve while it learns', async () => {
    const curves: number[][] = [];
    let model: Mlp | undefined;
    const result = await runExperiment(short, {
      backend: 'cpu',
      progressIntervalMs: 0,
      onEvent: (event) => {
        if (event.type === 'start') model = event.model;
        if (event.type !== 'end') curves.push(Array.from(model?.predict([-0.5, 0.5]) ?? []));
      },
    });
    try {
      expect(curves).toHaveLength(41); // start + 40 epochs
      expect(curves.every((curve) => curve.length === 2 && curve.every(Number.isFinite))).toBe(
        true,
      );
      expect(model).toBe(result.model);
      // The start event's model is the one that trains and is returned.
      const trained = Array.from(result.model.predict([-0.5, 0.5]));
      expect(trained).not.toEqual(curves[0]);
    } finally {
      result.model.dispose();
    }
    // Predicting between epochs does not change the numbers.
    const plain = await runExperiment(short, { backend: 'cpu' });
    plain.model.dispose();
    expect(plain.history).toEqual(result.history);
  });

  it('gives the same history for the same seed and a different one for another seed', async () => {
    const histories = [];
    for (const seed of [3, 3, 4]) {
      const result = await runExperiment({ ...short, seed }, { backend: 'cpu' });
      histories.push(JSON.stringify(result.history));
      result.model.dispose();
    }
    expect(histories[1]).toBe(histories[0]);
    expect(histories[2]).not.toBe(histories[0]);
  });

  it('draws the training data independently of the validation set size', async () => {
    const withValidation = await runExperiment({ ...short, epochs: 1 }, { backend: 'cpu' });
    const without = await runExperiment({ ...short, epochs: 1, valN: 0 }, { backend: 'cpu' });
    expect(without.data.validation).toBeUndefined();
    expect(without.history.val).toEqual([]);
    expect(without.data.train.x).toEqual(withValidation.data.train.x);
    expect(without.data.train.y).toEqual(withValidation.data.train.y);
    withValidation.model.dispose();
    without.model.dispose();
  });

  it('leaves no tensors behind but the model it returns', async () => {
    await runExperiment({ ...short, epochs: 1 }, { backend: 'cpu' }).then((r) => r.model.dispose());
    const before = countTensors();
    const result = await runExperiment({ ...short, epochs: 30 }, { backend: 'cpu' });
    // The model's tensors: a kernel and a bias per layer (4 layers).
    expect(countTensors() - before).toBe(8);
    result.model.dispose();
    expect(countTensors()).toBe(before);
  });

  it('stops when aborted and returns the history so far', async () => {
    const controller = new AbortController();
    const result = await runExperiment(
      { ...short, epochs: 1_000_000 },
      {
        backend: 'cpu',
        signal: controller.signal,
        progressIntervalMs: 0,
        onEvent: (event) => {
          if (event.type === 'epoch' && event.epoch === 49) controller.abort();
        },
      },
    );
    expect(result.status).toBe('aborted');
    expect(result.history.train.length).toBeGreaterThanOrEqual(50);
    expect(result.history.train.length).toBeLessThan(1_000_000);
    expect(result.summary.epochsRun).toBe(result.history.train.length);
    result.model.dispose();
  });

  it('waits for beforeEpoch before every epoch (pause and step)', async () => {
    const seen: number[] = [];
    const result = await runExperiment(
      { ...short, epochs: 5 },
      { backend: 'cpu', beforeEpoch: async (epoch) => void seen.push(epoch) },
    );
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    result.model.dispose();
  });

  it('rejects a bad config before touching the backend', async () => {
    await expect(runExperiment({ experiment: 'line', epochs: 0 })).rejects.toThrowError(
      'epochs must be a whole number from 1 to 10000000; got 0',
    );
  });
});
