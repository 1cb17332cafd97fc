import { describe, expect, it } from 'vitest';
import {
  type FinishedConfiguration,
  mergeSweepShards,
  parseSweepSpec,
  shardItems,
  sweepConfigurations,
} from '../../src/index.js';

const spec = parseSweepSpec({ experiment: 'line', grid: { lr: [0.001, 0.01, 0.1] } });
const configurations = sweepConfigurations(spec);
const finishedOf = (indices: readonly number[]): FinishedConfiguration[] =>
  indices.map((index) => ({ index, runs: [], curve: { loss: 'val', points: [] }, seconds: 0 }));
const part = (name: string, index: number, count: number, indices?: number[]) => ({
  name,
  spec,
  shard: { index, count },
  finished: finishedOf(indices ?? shardItems(configurations, { index, count }).map((c) => c.index)),
});

describe('mergeSweepShards', () => {
  it('joins every shard into the whole sweep, by index', () => {
    const merged = mergeSweepShards([part('b', 2, 2), part('a', 1, 2)], configurations);
    expect(merged.map((c) => c.index)).toEqual([0, 1, 2]);
  });

  it('refuses missing, repeated, unfinished and foreign shards, naming the folder', () => {
    expect(() => mergeSweepShards([part('a', 1, 3), part('b', 2, 3)], configurations)).toThrow(
      'shard 3/3 missing; give every shard',
    );
    expect(() => mergeSweepShards([part('a', 1, 2), part('b', 1, 2)], configurations)).toThrow(
      'a and b are both shard 1/2',
    );
    expect(() => mergeSweepShards([part('a', 1, 2, [0]), part('b', 2, 2)], configurations)).toThrow(
      'a (shard 1/2) has 1 of its 2 configurations still to run; finish it with --resume a',
    );
    const other = { ...part('c', 2, 2), spec: { ...spec, seeds: 2 } };
    expect(() => mergeSweepShards([part('a', 1, 2), other], configurations)).toThrow(
      'c is a shard of another sweep than a',
    );
    expect(() =>
      mergeSweepShards([{ ...part('w', 1, 1), shard: undefined }], configurations),
    ).toThrow('w is a whole sweep, not a shard');
  });
});
