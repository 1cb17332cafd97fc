import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { FISHER_YATES_WASM_BASE64 } from './wasm/fisher-yates-wasm.js';

/**
 * Most indices the WebAssembly shuffle takes (its memory holds 16 + 4n
 * bytes: 256 MiB at most); longer orders are shuffled in JavaScript.
 */
const MOST_WASM_INDICES = 2 ** 26;

/**
 * Fewest indices the WebAssembly shuffle takes: below, JavaScript is as fast
 * (a call into the module and back costs about 0.4 µs, a short loop warms
 * up quickly), e.g. the notebook's five points every epoch.
 */
const FEWEST_WASM_INDICES = 256;

/** Bytes before the order in the module's memory: the generator's four state words. */
const STATE_BYTES = 16;

const PAGE_BYTES = 65_536;

interface FisherYatesExports {
  readonly memory: WebAssembly.Memory;
  permute(n: number): void;
}

let instance: FisherYatesExports | null | undefined;

/**
 * `wasm/fisher-yates.wat`, instantiated once per thread, or `null` where it
 * cannot be (no WebAssembly, or a page whose Content-Security-Policy forbids
 * compiling it).
 */
function fisherYatesInstance(): FisherYatesExports | null {
  if (instance !== undefined) return instance;
  instance = null;
  try {
    if (typeof WebAssembly === 'object') {
      const text = atob(FISHER_YATES_WASM_BASE64);
      const bytes = new Uint8Array(text.length);
      for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index);
      instance = new WebAssembly.Instance(new WebAssembly.Module(bytes))
        .exports as unknown as FisherYatesExports;
    }
  } catch {
    instance = null;
  }
  return instance;
}

/**
 * The numbers 0..n-1 shuffled (Fisher–Yates: for i = n-1 down to 1, j drawn
 * in [0, i] with pure-rand's unbiased `uniformInt`, order[i] and order[j]
 * swapped) in JavaScript; `generator` is advanced in place.
 */
export function fisherYatesInJavaScript(generator: RandomGenerator, n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = uniformInt(generator, 0, i);
    const held = order[i] as number;
    order[i] = order[j] as number;
    order[j] = held;
  }
  return order;
}

/**
 * {@link fisherYatesInJavaScript} in `wasm/fisher-yates.wat`, for a
 * xoroshiro128+ `generator` (pure-rand's, which `SeededRandom` uses): the same
 * order, and a generator that continues where the JavaScript one would
 * (`generator` itself is left as it was); `undefined` where the module cannot
 * run it (no WebAssembly, or `n` too large for its memory) or `n` is below
 * {@link FEWEST_WASM_INDICES}.
 */
export function fisherYatesInWebAssembly(
  generator: RandomGenerator,
  n: number,
): { readonly order: Int32Array; readonly generator: RandomGenerator } | undefined {
  const wasm = n >= FEWEST_WASM_INDICES && n <= MOST_WASM_INDICES ? fisherYatesInstance() : null;
  if (wasm === null) return undefined;
  const { memory } = wasm;
  const needed = STATE_BYTES + 4 * n;
  if (needed > memory.buffer.byteLength) {
    try {
      memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE_BYTES));
    } catch {
      return undefined;
    }
  }
  new Int32Array(memory.buffer, 0, 4).set(generator.getState());
  wasm.permute(n);
  const state = Array.from(new Int32Array(memory.buffer, 0, 4));
  return {
    order: new Int32Array(memory.buffer, STATE_BYTES, n).slice(),
    generator: xoroshiro128plusFromState(state),
  };
}
