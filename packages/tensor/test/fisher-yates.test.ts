import { readFile } from 'node:fs/promises';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../dist/node.js';
import { fisherYatesInJavaScript, fisherYatesInWebAssembly } from '../dist/random/fisher-yates.js';
import { FISHER_YATES_WASM_BASE64 } from '../dist/random/wasm/fisher-yates-wasm.js';
import { compileWat } from '../scripts/compile-wat.mjs';

/**
 * The shuffle as pure-rand documents its parts, written out here: for i =
 * n-1 down to 1, j = uniformInt(generator, 0, i), swap.
 */
function referenceShuffle(generator: RandomGenerator, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = uniformInt(generator, 0, i);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** A xoroshiro128+ generator from four state words, some above 2^31 as cyrb128 gives them. */
const generatorOf = (words: readonly number[]) => xoroshiro128plusFromState([...words]);

const STATES = [
  [1, 2, 3, 4],
  [0xdeadbeef, 0x01234567, 0xfedcba98, 0x7fffffff],
  [-1, 0x80000000, 12345, -987654321],
];

describe('Fisher–Yates in WebAssembly', () => {
  it('is the bytes fisher-yates.wat compiles to', async () => {
    const wat = await readFile(
      new URL('../src/random/wasm/fisher-yates.wat', import.meta.url),
      'utf8',
    );
    expect(Buffer.from(await compileWat(wat)).toString('base64')).toBe(FISHER_YATES_WASM_BASE64);
  });

  it("gives the order and the next draws of pure-rand's uniformInt shuffle", () => {
    // 70,000 indices need 280 KB: the module's memory grows past its first 64 KiB page.
    for (const n of [256, 257, 1000, 4099, 70_000]) {
      for (const words of STATES) {
        const shuffled = fisherYatesInWebAssembly(generatorOf(words), n);
        if (shuffled === undefined) throw new Error('the module did not run');
        const reference = generatorOf(words);
        expect(Array.from(shuffled.order)).toEqual(referenceShuffle(reference, n));
        const next = Array.from({ length: 8 }, () => shuffled.generator.next());
        expect(next).toEqual(Array.from({ length: 8 }, () => reference.next()));
      }
    }
  });

  it('leaves short orders to JavaScript, and the generator it was given as it was', () => {
    expect(fisherYatesInWebAssembly(generatorOf([1, 2, 3, 4]), 255)).toBeUndefined();
    const generator = generatorOf([1, 2, 3, 4]);
    fisherYatesInWebAssembly(generator, 1000);
    expect(generator.getState()).toEqual([1, 2, 3, 4]);
  });

  it('matches the JavaScript shuffle, which matches the reference', () => {
    for (const n of [0, 1, 2, 3, 100, 300]) {
      expect(Array.from(fisherYatesInJavaScript(generatorOf(STATES[1] as number[]), n))).toEqual(
        referenceShuffle(generatorOf(STATES[1] as number[]), n),
      );
    }
  });

  it('is what SeededRandom.permutation returns, draw for draw, at every length', () => {
    for (const n of [5, 255, 256, 10_000]) {
      const random = new SeededRandom(42).stream('shuffle');
      const order = random.permutation(n);
      const after = random.nextUint32();
      // The same stream, shuffled with pure-rand's own generator and uniformInt.
      const reference = new SeededRandom(42).stream('shuffle') as unknown as {
        generator: RandomGenerator;
        nextUint32(): number;
      };
      expect(Array.from(order)).toEqual(referenceShuffle(reference.generator, n));
      expect(after).toBe(reference.nextUint32());
      expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });
});
