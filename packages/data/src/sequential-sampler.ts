import type { Sampler } from './sampler.js';
import { requireNonNegativeInteger } from './validate.js';

/** Visits 0, 1, ..., length - 1 every epoch (PyTorch's `SequentialSampler`). */
export class SequentialSampler implements Sampler {
  readonly length: number;
  private readonly indices: Int32Array;

  constructor(length: number) {
    this.length = requireNonNegativeInteger('length', length);
    this.indices = new Int32Array(length);
    for (let i = 0; i < length; i++) this.indices[i] = i;
  }

  /** 0..length-1, the same array every epoch. */
  order(_epoch?: number): Int32Array {
    return this.indices;
  }
}
