import { SeededRandom, validateSeed } from '@epochlab/tensor/random';
import type { Sampler } from './sampler.js';
import { requireNonNegativeInteger } from './validate.js';

/** The stream of `new SeededRandom(seed)` that shuffling orders come from. */
export const SHUFFLE_STREAM = 'shuffle';

/**
 * A fresh random order of 0..length-1 every epoch (PyTorch's `RandomSampler`
 * without replacement), reproducible from the seed.
 *
 * Epoch `e`'s order is `new SeededRandom(seed).stream('shuffle')
 * .stream(`epoch-${e}`).permutation(length)` (Fisher–Yates): it depends only on
 * the seed and `e`, never on which epochs were drawn before, so a run resumed
 * at epoch 1000 sees the same orders as one that never stopped.
 */
export class RandomSampler implements Sampler {
  readonly length: number;
  readonly seed: number;
  private readonly shuffle: SeededRandom;

  constructor(length: number, seed = 0) {
    this.length = requireNonNegativeInteger('length', length);
    this.seed = validateSeed(seed);
    this.shuffle = new SeededRandom(seed).stream(SHUFFLE_STREAM);
  }

  /** The permutation for epoch `epoch` (a new array each call). */
  order(epoch: number): Int32Array {
    requireNonNegativeInteger('epoch', epoch);
    return this.shuffle.stream(`epoch-${epoch}`).permutation(this.length);
  }
}
