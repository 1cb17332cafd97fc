import { countTensors, initBackend } from '@epochlab/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  parseSweepSpec,
  runExperiment,
  runSweepBatch,
  summarizeConfiguration,
  sweepConfigurations,
} from '../../src/index.js';

beforeAll(async () => {
  await initBackend('cpu');
});

describe('runSweepBatch', () => {
  it('trains run k of a configuration exactly as runExperiment with seed + k, and leaks no tensor', async () => {
    const spec = parseSweepSpec({
      experiment: 'line',
      grid: { lr: [0.01, 0.05], batchSize: [1, 5], epochs: [60] },
      seeds: 2,
      seed: 3,
    });
    const configurations = sweepConfigurations(spec);
    const before = countTensors();
    const finished = await runSweepBatch(configurations, spec.seeds);
    expect(countTensors()).toBe(before);
    expect(finished.map((f) => f.index)).toEqual([0, 1, 2, 3]);
    for (const [c, configuration] of configurations.entries()) {
      for (let k = 0; k < 2; k++) {
        const alone = await runExperiment(
          { ...configuration.config, seed: 3 + k },
          { backend: 'cpu' },
        );
        alone.model.dispose();
        expect(finished[c]?.runs[k]).toEqual({
          configuration: configuration.index,
          seed: 3 + k,
          status: alone.status,
          epochsRun: alone.summary.epochsRun,
          bestValLoss: alone.summary.bestValLoss,
          bestValEpoch: alone.summary.bestValEpoch,
          finalTrainLoss: alone.summary.finalTrainLoss,
          finalValLoss: alone.summary.finalValLoss,
        });
      }
    }
    // The band: validation every 10 epochs, the spread over both seeds at each.
    const curve = finished[0]?.curve;
    expect(curve?.loss).toBe('val');
    expect(curve?.points.map((p) => p.x)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(curve?.points.every((p) => p.count === 2)).toBe(true);
  });
});

describe('summarizeConfiguration', () => {
  it('gives the mean and the sample standard deviation over the seeds, leaving out missing values', () => {
    const run = (seed: number, best: number | null, epoch: number | null, final: number) => ({
      configuration: 7,
      seed,
      status: best === null ? ('diverged' as const) : ('completed' as const),
      epochsRun: 10,
      bestValLoss: best,
      bestValEpoch: epoch,
      finalTrainLoss: final,
      finalValLoss: null,
    });
    const summary = summarizeConfiguration(7, { lr: 0.1 }, [
      run(0, 0.1, 10, 1),
      run(1, 0.3, 30, 2),
      run(2, 0.2, 20, 6),
      run(3, null, null, Number.NaN),
    ]);
    // By hand: mean (0.1 + 0.3 + 0.2) / 3 = 0.2; std sqrt((0.01 + 0.01 + 0) / 2) = 0.1.
    expect(summary.bestValLoss?.mean).toBeCloseTo(0.2, 15);
    expect(summary.bestValLoss?.std).toBeCloseTo(0.1, 15);
    expect(summary.bestValEpoch).toMatchObject({ mean: 20, std: 10, min: 10, max: 30, count: 3 });
    // 1, 2, 6: mean 3, std sqrt((4 + 1 + 9) / 2) = sqrt(7).
    expect(summary.finalTrainLoss?.mean).toBe(3);
    expect(summary.finalTrainLoss?.std).toBeCloseTo(Math.sqrt(7), 14);
    expect(summary.finalValLoss).toBeNull();
    expect(summary.statuses).toEqual({ completed: 3, diverged: 1 });
    expect(summary.runs).toBe(4);
  });
});
