import { describe, expect, it } from 'vitest';
import { experimentWorkload, runBatchSizeLab, runExperiment } from '../src/index.js';

describe('experimentWorkload', () => {
  it('counts forward and backward multiply-adds of one step of the MLP', () => {
    // Weights of 1-12-12-16-1: 12 + 144 + 192 + 16 = 364; three products per weight and row.
    expect(experimentWorkload({ hidden: [12, 12, 16], n: 5 }, 5).multiplyAddsPerStep).toBe(
      3 * 5 * 364,
    );
  });

  it('never counts a batch larger than the data, and multiplies by the runs trained at once', () => {
    const workload = experimentWorkload({ hidden: [12, 12, 16], n: 3 }, 5, 8);
    expect(workload.multiplyAddsPerStep).toBe(8 * 3 * 3 * 364);
    expect(workload.description).toBe('8 runs of a 1-12-12-16-1 MLP, batch 3');
  });
});

describe('auto backend for experiments in Node', () => {
  it("runs the notebook's line on cpu and says it weighed the workload", async () => {
    const result = await runExperiment({ experiment: 'line', epochs: 2 }, { backend: 'auto' });
    try {
      expect(result.backend.name).toBe('cpu');
      expect(result.backend.reason).toMatch(
        /^auto picked cpu, the first available of cpu > wasm > tensorflow-gpu > tensorflow \(a 1-12-12-16-1 MLP, batch 5 needs about 5,460 multiply-adds per step/,
      );
      expect(result.summary.trainingPath).toMatch(/^fused/);
    } finally {
      result.model.dispose();
    }
  });

  it('weighs the batch-size lab by its largest batch and its seeds', async () => {
    const lab = await runBatchSizeLab(
      { experiment: 'batch-size', epochs: 1, batchSizes: [1, 'full'], seeds: 2, n: 10, valN: 0 },
      { backend: 'auto' },
    );
    expect(lab.backend.name).toBe('cpu');
    expect(lab.backend.reason).toMatch(
      /\(2 runs of a 1-12-12-16-1 MLP, batch 10 needs about 21,840/,
    );
  });
});
