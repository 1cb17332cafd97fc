import { SeededRandom } from '@epochlab/tensor';
import { describe, expect, it } from 'vitest';
import { RandomSampler, SequentialSampler } from '../src/index.js';
import { expectInvalid } from './helpers.js';

describe('SequentialSampler', () => {
  it('visits 0..n-1 every epoch', () => {
    const sampler = new SequentialSampler(4);
    expect(sampler.length).toBe(4);
    expect(Array.from(sampler.order(0))).toEqual([0, 1, 2, 3]);
    expect(Array.from(sampler.order(9))).toEqual([0, 1, 2, 3]);
  });
});

describe('RandomSampler', () => {
  it("draws epoch e's order from the stream shuffle/epoch-e of the seed", () => {
    const sampler = new RandomSampler(50, 12);
    for (const epoch of [0, 1, 7, 19999]) {
      const expected = new SeededRandom(12)
        .stream('shuffle')
        .stream(`epoch-${epoch}`)
        .permutation(50);
      expect(sampler.order(epoch)).toEqual(expected);
    }
  });

  it('gives a permutation, different across epochs, whatever was drawn before', () => {
    const sampler = new RandomSampler(100, 3);
    const late = Array.from(sampler.order(5));
    for (let epoch = 0; epoch < 5; epoch++) sampler.order(epoch);
    expect(Array.from(sampler.order(5))).toEqual(late);
    expect([...late].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(sampler.order(6))).not.toEqual(late);
  });

  it('names length, seed and epoch on bad input', () => {
    expectInvalid(() => new RandomSampler(-1), 'length');
    expectInvalid(() => new SequentialSampler(2.5), 'length');
    expectInvalid(() => new RandomSampler(3, 2 ** 32), 'seed');
    expectInvalid(() => new RandomSampler(3).order(-1), 'epoch');
  });
});
