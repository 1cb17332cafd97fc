import { describe, expect, it } from 'vitest';
import {
  configurationCount,
  LARGE_SWEEP_RUNS,
  parseShard,
  parseSweepSpec,
  SweepSpecError,
  shardItems,
  sweepBatches,
  sweepConfigurations,
} from '../../src/index.js';

const grid = parseSweepSpec({
  experiment: 'line',
  grid: {
    lr: [0.001, 0.01, 0.1],
    batchSize: [1, 5],
    hidden: [
      [12, 12, 16],
      [32, 32],
    ],
  },
  seeds: 2,
});

describe('sweepConfigurations', () => {
  it('expands the grid as itertools.product: the product of the lengths, last field fastest', () => {
    const configurations = sweepConfigurations(grid);
    expect(configurations).toHaveLength(3 * 2 * 2);
    const expected: unknown[] = [];
    for (const lr of [0.001, 0.01, 0.1])
      for (const batchSize of [1, 5])
        for (const hidden of [
          [12, 12, 16],
          [32, 32],
        ])
          expected.push({ lr, batchSize, hidden });
    expect(configurations.map((c) => c.values)).toEqual(expected);
    expect(configurations.map((c) => c.index)).toEqual(expected.map((_, i) => i));
    // Each is the experiment's whole config, defaults filled in, at the first seed.
    expect(configurations[5]?.config).toMatchObject({
      experiment: 'line',
      lr: 0.01,
      batchSize: 1,
      hidden: [32, 32],
      epochs: 20000,
      seed: 0,
    });
  });

  it('draws a random search of distinct grid points, the same for the same random seed', () => {
    const big = parseSweepSpec({
      experiment: 'line',
      grid: {
        lr: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1],
        momentum: [0, 0.5, 0.9],
        batchSize: [1, 2, 3, 4, 5],
      },
      random: 10,
      randomSeed: 3,
    });
    const whole = sweepConfigurations({ ...big, random: undefined } as never);
    const drawn = sweepConfigurations(big);
    expect(configurationCount(big)).toBe(10);
    expect(drawn).toHaveLength(10);
    expect(new Set(drawn.map((c) => c.index)).size).toBe(10);
    for (const configuration of drawn) expect(whole[configuration.index]).toEqual(configuration);
    expect(sweepConfigurations(big)).toEqual(drawn);
    const other = sweepConfigurations({ ...big, random: { count: 10, seed: 4 } });
    expect(other.map((c) => c.index)).not.toEqual(drawn.map((c) => c.index));
    // Asking for more than the grid has runs the whole grid.
    expect(sweepConfigurations({ ...big, random: { count: 500, seed: 0 } })).toHaveLength(105);
  });

  it('refuses a sweep over 100,000 runs unless told yes', () => {
    const huge = parseSweepSpec({
      experiment: 'line',
      grid: {
        n: Array.from({ length: 200 }, (_, i) => i + 1),
        valN: Array.from({ length: 100 }, (_, i) => i),
      },
      seeds: 10,
    });
    let message = '';
    try {
      sweepConfigurations(huge);
    } catch (error) {
      expect(SweepSpecError.isInstance(error)).toBe(true);
      message = (error as Error).message;
    }
    expect(message).toBe(
      `the sweep has 20000 configurations x 10 seeds = 200000 runs, over ${LARGE_SWEEP_RUNS}; add --yes to run them all, or --random N to draw N configurations`,
    );
    expect(sweepConfigurations(huge, { yes: true })).toHaveLength(20000);
  });

  it('refuses a combination that no single value shows', () => {
    // Each value alone keeps the data within float32; together they do not.
    const spec = parseSweepSpec({
      experiment: 'line',
      grid: { slope: [1, 3], range: [1, 2e38] },
    });
    expect(() => sweepConfigurations(spec)).toThrow(
      /^the configuration slope 3, range 2e\+38 is not valid: /,
    );
  });
});

describe('shards', () => {
  it('partition the configurations: every one in exactly one shard, round robin', () => {
    const configurations = sweepConfigurations(grid);
    for (const count of [1, 2, 3, 5, 12, 13]) {
      const parts = Array.from({ length: count }, (_, i) =>
        shardItems(configurations, { index: i + 1, count }).map((c) => c.index),
      );
      expect(parts.flat().sort((a, b) => a - b)).toEqual(configurations.map((c) => c.index));
      expect(parts[0]).toEqual(configurations.map((c) => c.index).filter((i) => i % count === 0));
    }
  });

  it('parses i/N and refuses anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/2', '3/2', '1/0', '1', 'a/b', '-1/2', '1/2/3']) {
      expect(() => parseShard(bad)).toThrow(
        `--shard must be i/N with N from 1 to 100000 and i from 1 to N, such as 1/4; got "${bad}"`,
      );
    }
  });
});

describe('sweepBatches', () => {
  const indices = (batches: readonly { index: number }[][]) =>
    batches.map((batch) => batch.map((c) => c.index));

  it('splits configurations of other layer sizes into other batches, caps the runs, costliest first', () => {
    const configurations = sweepConfigurations(grid);
    const batches = sweepBatches(configurations, 2, 1, 8);
    for (const batch of batches) {
      expect(new Set(batch.map((c) => JSON.stringify(c.config.hidden))).size).toBe(1);
      expect(batch.length * 2).toBeLessThanOrEqual(8);
    }
    expect(
      batches
        .flat()
        .map((c) => c.index)
        .sort((a, b) => a - b),
    ).toEqual(configurations.map((c) => c.index));
    // Index = 4 lr + 2 batchSize + hidden. On 5 points batch size 1 takes 5 steps an epoch and
    // batch size 5 one, so the batch-size-1 configurations (0, 1, 4, 5, 8, 9) come first.
    // Batches of 4 configurations (8 runs of 2 seeds) while that is at most half of what is
    // left (12, 8), then 2 (4 left), then one at a time; each from the costliest queue.
    expect(indices(batches)).toEqual([[0, 4, 8, 2], [1, 5, 9, 3], [6, 10], [7], [11]]);
  });

  it('shrinks the batches at the end so that every thread finishes at about the same time', () => {
    const configurations = sweepConfigurations(
      parseSweepSpec({
        experiment: 'line',
        grid: { lr: [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2], momentum: [0, 0.3, 0.6, 0.8, 0.9, 0.95] },
        seeds: 8,
      }),
    );
    const batches = sweepBatches(configurations, 8, 2);
    // 36 configurations of equal cost, 16 runs (2 configurations) at most per batch: pairs
    // while 6 or more are left (ceil(left / 4) >= 2), then the last 4 one by one, in index order.
    expect(batches.map((batch) => batch.length)).toEqual([...Array(16).fill(2), 1, 1, 1, 1]);
    expect(batches.flat().map((c) => c.index)).toEqual(configurations.map((c) => c.index));
  });
});
