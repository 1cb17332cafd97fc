import { countTensors, InvalidArgumentError } from '@epochlab/tensor';
import { describe, expect, it } from 'vitest';
import { runExperiment, runRepeated } from '../src/index.js';

const short = { experiment: 'line', epochs: 30, seed: 4 } as const;

describe('runRepeated', () => {
  it('gives, for each seed, the history runExperiment gives with that seed', async () => {
    const repeated = await runRepeated(short, { repeats: 3, backend: 'cpu' });
    const before = countTensors();
    expect(repeated.trainingPath).toBe('fused-wasm-simd');
    expect(repeated.runs.map((run) => run.seed)).toEqual([4, 5, 6]);
    for (const run of repeated.runs) {
      const single = await runExperiment({ ...short, seed: run.seed }, { backend: 'cpu' });
      single.model.dispose();
      expect(run.status).toBe('completed');
      expect(run.history).toEqual(single.history);
      expect(run.summary.seed).toBe(run.seed);
      expect(run.summary.finalTrainLoss).toBe(single.summary.finalTrainLoss);
      expect(run.summary.parameters).toBe(405);
    }
    // Different seeds: a spread, not one run repeated.
    const finals = new Set(repeated.runs.map((run) => run.summary.finalTrainLoss));
    expect(finals.size).toBe(3);
    expect(countTensors()).toBe(before);
  });

  it('disposes its models and data, and stops every run on abort', async () => {
    await runRepeated(short, { repeats: 1, backend: 'cpu' });
    const before = countTensors();
    const controller = new AbortController();
    controller.abort();
    const result = await runRepeated(short, {
      repeats: 2,
      backend: 'cpu',
      signal: controller.signal,
    });
    expect(result.runs.map((run) => run.status)).toEqual(['aborted', 'aborted']);
    expect(result.runs.map((run) => run.history.train.length)).toEqual([0, 0]);
    expect(countTensors()).toBe(before);
  });

  it('rejects a bad repeats count', async () => {
    for (const repeats of [0, 1.5, 1001]) {
      await expect(runRepeated(short, { repeats, backend: 'cpu' })).rejects.toBeInstanceOf(
        InvalidArgumentError,
      );
    }
  });
});
