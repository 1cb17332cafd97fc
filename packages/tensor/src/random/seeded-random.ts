import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { InvalidArgumentError } from '../errors.js';
import { fisherYatesInJavaScript, fisherYatesInWebAssembly } from './fisher-yates.js';
import { hashToState } from './hash-to-state.js';

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;
const TWO_PI = 2 * Math.PI;

/** Largest seed accepted: seeds are whole numbers in [0, 2^32 - 1]. */
export const MAX_SEED = 0xffffffff;

/** Throws unless `seed` is a whole number in [0, 2^32 - 1]. */
export function validateSeed(seed: unknown, parameter = 'seed'): number {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new InvalidArgumentError(parameter, `a whole number from 0 to ${MAX_SEED}`, seed);
  }
  return seed;
}

/**
 * A seeded source of random numbers that gives the same stream on every
 * JavaScript engine.
 *
 * Algorithm (a change to any step changes every result, and a known-answer
 * test pins it):
 * - generator: xoroshiro128+ from `pure-rand`, 32 bits per draw;
 * - state: cyrb128 of the text `epochlab:<seed>:<stream path>`;
 * - uniform in [0, 1): the top 27 bits `a` of one draw and the top 26 bits `b`
 *   of the next, as `(a * 2^26 + b) / 2^53` (53 random bits, the genrand_res53
 *   recipe of the Mersenne Twister's reference code);
 * - integers: `pure-rand`'s unbiased `uniformInt`;
 * - normal: Box–Muller on two uniforms, using both outputs in turn;
 * - permutation: Fisher–Yates, drawing j in [0, i] for i = n-1 down to 1
 *   (in WebAssembly where it runs, `random/wasm/fisher-yates.wat`: the same
 *   draws and the same order, at native speed from the first call).
 *
 * `stream(name)` derives an independent generator from the same seed, so the
 * training data, validation data, initial weights and shuffling order each
 * have their own stream: adding a validation set does not change the
 * training data.
 */
export class SeededRandom {
  /** The seed this generator and every stream derived from it come from. */
  readonly seed: number;
  /** Slash-separated names of the streams leading here; empty for the root. */
  readonly path: string;
  private generator: RandomGenerator;
  private spareNormal: number | undefined;

  constructor(seed: number, path = '') {
    this.seed = validateSeed(seed);
    this.path = path;
    const state = hashToState(`epochlab:${seed}:${path}`);
    if (state.every((word) => word === 0)) state[0] = 1; // xoroshiro needs a non-zero state
    this.generator = xoroshiro128plusFromState(state);
  }

  /** An independent stream named `name` under this one (`data`, `init`, `shuffle`...). */
  stream(name: string): SeededRandom {
    if (name.length === 0)
      throw new InvalidArgumentError('stream name', 'a non-empty string', name);
    return new SeededRandom(this.seed, this.path ? `${this.path}/${name}` : name);
  }

  /** The next raw 32-bit draw, as an unsigned integer. */
  nextUint32(): number {
    return this.generator.next() >>> 0;
  }

  /** A uniform number in [low, high). */
  uniform(low = 0, high = 1): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    const unit = (a * TWO_POW_26 + b) / TWO_POW_53;
    return low + (high - low) * unit;
  }

  /** A normal number with the given mean and standard deviation. */
  normal(mean = 0, std = 1): number {
    let z: number;
    if (this.spareNormal !== undefined) {
      z = this.spareNormal;
      this.spareNormal = undefined;
    } else {
      const u1 = 1 - this.uniform(); // (0, 1], so the log is finite
      const u2 = this.uniform();
      const radius = Math.sqrt(-2 * Math.log(u1));
      z = radius * Math.cos(TWO_PI * u2);
      this.spareNormal = radius * Math.sin(TWO_PI * u2);
    }
    return mean + std * z;
  }

  /** A whole number in [low, high), like Python's `randrange` and PyTorch's `randint`. */
  integer(low: number, high: number): number {
    if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high) || high <= low) {
      throw new InvalidArgumentError('integer range', 'whole numbers with low < high', [low, high]);
    }
    return uniformInt(this.generator, low, high - 1);
  }

  /** The numbers 0..n-1 in a random order (Fisher–Yates). */
  permutation(n: number): Int32Array {
    if (!Number.isInteger(n) || n < 0 || n > 2 ** 31 - 1) {
      throw new InvalidArgumentError('n', 'a whole number from 0 to 2^31 - 1', n);
    }
    const shuffled = fisherYatesInWebAssembly(this.generator, n);
    if (shuffled === undefined) return fisherYatesInJavaScript(this.generator, n);
    this.generator = shuffled.generator;
    return shuffled.order;
  }

  /** `n` uniform numbers in [low, high). */
  uniforms(n: number, low = 0, high = 1): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.uniform(low, high);
    return out;
  }

  /** `n` normal numbers with the given mean and standard deviation. */
  normals(n: number, mean = 0, std = 1): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.normal(mean, std);
    return out;
  }
}
