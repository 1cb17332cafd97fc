import { countTensors } from '@epochlab/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type BatchSizeGroup,
  type BatchSizeLabEvent,
  type BatchSizeLabResult,
  runBatchSizeLab,
  runExperiment,
} from '../../src/index.js';

/** A small lab: 20 points, batch sizes 1, 5 and full, 3 seeds, 12 epochs. */
const small = {
  experiment: 'batch-size',
  n: 20,
  valN: 10,
  seed: 7,
  seeds: 3,
  epochs: 12,
  noiseEvery: 5,
  valEvery: 4,
  lr: 0.02,
  batchSizes: [1, 5, 'full'],
} as const;

/** The numbers of a result, without the wall times. */
function numbers(result: BatchSizeLabResult) {
  return {
    ...result,
    backend: undefined,
    seconds: undefined,
    groups: result.groups.map((group: BatchSizeGroup) => ({ ...group, secondsPerRun: undefined })),
  };
}

beforeAll(async () => {
  // Warm up: the backend's own first tensors are not the lab's.
  await runBatchSizeLab({ ...small, epochs: 1, seeds: 1 }, { backend: 'cpu' });
});

describe('runBatchSizeLab', () => {
  it('trains every batch size over every seed and reports bands, noise and spreads', async () => {
    const lab = await runBatchSizeLab(small, { backend: 'cpu' });
    expect(lab.status).toBe('completed');
    expect(lab.trainingPath).toBe('fused-wasm-simd');
    expect(lab.groups.map((group) => [group.label, group.batchSize, group.stepsPerEpoch])).toEqual([
      ['1', 1, 20],
      ['5', 5, 4],
      ['full (20)', 20, 1],
    ]);
    for (const group of lab.groups) {
      expect(group.runs.map((run) => run.seed)).toEqual([7, 8, 9]);
      expect(group.runs.every((run) => run.status === 'completed')).toBe(true);
      expect(group.train.map((point) => point.x)).toEqual([...Array(12).keys()]);
      expect(group.train.every((point) => point.count === 3)).toBe(true);
      expect(group.val.map((point) => point.x)).toEqual([0, 4, 8]);
      // Noise on epochs 0, 5, 10 and the last (11); steps = (epoch + 1) * stepsPerEpoch.
      expect(group.noise.map((point) => point.epoch)).toEqual([0, 5, 10, 11]);
      expect(group.noise.map((point) => point.step)).toEqual(
        [1, 6, 11, 12].map((epochs) => epochs * group.stepsPerEpoch),
      );
      expect(group.noise.every((point) => point.cosine.count === 3)).toBe(true);
      const finals = group.runs.map((run) => run.finalTrainLoss);
      expect(group.finalTrainLoss.mean).toBeCloseTo(
        finals.reduce((sum, value) => sum + value, 0) / 3,
        12,
      );
      expect(group.finalTrainLoss.mean).toBe(group.train.at(-1)?.mean);
      expect(group.finalValLoss?.count).toBe(3);
      expect(group.bestValLoss?.mean).toBeLessThanOrEqual(group.finalValLoss?.mean as number);
      expect(group.secondsPerRun).toBeGreaterThan(0);
    }
    // The full batch is the full gradient: cosine 1, variance 0 (float32 rounding aside).
    const full = lab.groups[2] as BatchSizeGroup;
    for (const point of full.noise) {
      expect(point.cosine.mean).toBeCloseTo(1, 5);
      expect(point.variance.mean).toBeLessThan(1e-9);
    }
    const single = lab.groups[0] as BatchSizeGroup;
    expect(single.noise[0]?.cosine.mean).toBeLessThan(full.noise[0]?.cosine.mean as number);
  });

  it('gives the same numbers for the same config', async () => {
    const first = await runBatchSizeLab(small, { backend: 'cpu' });
    const second = await runBatchSizeLab(small, { backend: 'cpu' });
    expect(numbers(second)).toEqual(numbers(first));
  });

  it('trains on the data runExperiment draws from the same seed', async () => {
    for (const dataset of ['line', 'polynomial'] as const) {
      const lab = await runBatchSizeLab(
        { ...small, dataset, epochs: 1, seeds: 1, batchSizes: ['full'] },
        { backend: 'cpu' },
      );
      const single = await runExperiment(
        { experiment: dataset, seed: 7, n: 20, valN: 10, epochs: 1 },
        { backend: 'cpu' },
      );
      single.model.dispose();
      expect(lab.data.train).toEqual({ x: single.data.train.x, y: single.data.train.y });
      expect(lab.data.validation).toEqual({
        x: single.data.validation?.x,
        y: single.data.validation?.y,
      });
    }
    const noValidation = await runBatchSizeLab(
      { ...small, valN: 0, epochs: 2, seeds: 1 },
      { backend: 'cpu' },
    );
    expect(noValidation.data.validation).toBeUndefined();
    expect(noValidation.groups[0]?.val).toEqual([]);
    expect(noValidation.groups[0]?.finalValLoss).toBeUndefined();
  });

  it('leaves the tensor count where it was', async () => {
    const before = countTensors();
    await runBatchSizeLab(small, { backend: 'cpu' });
    expect(countTensors()).toBe(before);
  });

  it('sends start, progress..., group-end per batch size, then end', async () => {
    const events: BatchSizeLabEvent[] = [];
    const lab = await runBatchSizeLab(small, {
      backend: 'cpu',
      progressIntervalMs: 0,
      onEvent: (event) => {
        events.push(event);
      },
    });
    const types = events.map((event) => event.type);
    expect(types[0]).toBe('start');
    expect(types.at(-1)).toBe('end');
    const groupEnds = events.filter((event) => event.type === 'group-end');
    expect(groupEnds.map((event) => event.group)).toEqual([0, 1, 2]);
    // Between two group-ends, only progress events of the group that ends next.
    let group = 0;
    for (const event of events.slice(1, -1)) {
      if (event.type === 'progress') {
        expect(event.group).toBe(group);
        expect(event.epochs).toBe(12);
      } else if (event.type === 'group-end') {
        expect(event.result).toBe(lab.groups[group]);
        group++;
      } else {
        throw new Error(`unexpected ${event.type} event`);
      }
    }
    const start = events[0] as Extract<BatchSizeLabEvent, { type: 'start' }>;
    expect(start.groups.map((info) => info.label)).toEqual(['1', '5', 'full (20)']);
    expect(start.data).toEqual(lab.data);
    // With no throttle, one progress event per noise epoch (0, 5, 10, 11) per group.
    expect(types.filter((type) => type === 'progress')).toHaveLength(12);
    const end = events.at(-1) as Extract<BatchSizeLabEvent, { type: 'end' }>;
    expect(end.result).toBe(lab);
  });

  it('stops on abort with status aborted, keeping what ran', async () => {
    const before = countTensors();
    const controller = new AbortController();
    const types: string[] = [];
    const lab = await runBatchSizeLab(
      { ...small, epochs: 200 },
      {
        backend: 'cpu',
        signal: controller.signal,
        progressIntervalMs: 0,
        onEvent: (event) => {
          types.push(event.type);
          if (event.type === 'progress' && event.epoch >= 10) controller.abort();
        },
      },
    );
    expect(lab.status).toBe('aborted');
    expect(lab.groups).toHaveLength(1);
    const runs = lab.groups[0]?.runs ?? [];
    expect(runs.every((run) => run.status === 'aborted')).toBe(true);
    expect(
      runs.every((run) => run.history.train.length > 10 && run.history.train.length < 200),
    ).toBe(true);
    expect(types.filter((type) => type === 'group-end')).toHaveLength(1);
    expect(types.at(-1)).toBe('end');
    expect(countTensors()).toBe(before);

    const early = new AbortController();
    early.abort();
    const none = await runBatchSizeLab(small, { backend: 'cpu', signal: early.signal });
    expect(none.status).toBe('aborted');
    expect(none.groups[0]?.runs.every((run) => run.history.train.length === 0)).toBe(true);
  });

  it('shows the trade-off on the default data: per epoch small batches learn faster, large ones agree with the full gradient', async () => {
    const lab = await runBatchSizeLab(
      { experiment: 'batch-size', seeds: 2, epochs: 10 },
      { backend: 'cpu' },
    );
    const lossAt = (group: BatchSizeGroup, epoch: number) =>
      group.train.find((point) => point.x === epoch)?.mean as number;
    const [b1, b5, b25, full] = lab.groups as BatchSizeGroup[];
    for (const [small, large] of [
      [b1, b5],
      [b5, b25],
      [b25, full],
    ] as [BatchSizeGroup, BatchSizeGroup][]) {
      expect(lossAt(small, 9)).toBeLessThan(lossAt(large, 9));
      expect(small.noise[0]?.cosine.mean).toBeLessThan(large.noise[0]?.cosine.mean as number);
      expect(small.noise[0]?.variance.mean).toBeGreaterThan(
        large.noise[0]?.variance.mean as number,
      );
    }
  });

  it('rejects a bad config before any work', async () => {
    await expect(
      runBatchSizeLab({ ...small, batchSizes: [1, 50] }, { backend: 'cpu' }),
    ).rejects.toThrow('batchSizes[1] must be at most n (20) or full; got 50');
  });
});
