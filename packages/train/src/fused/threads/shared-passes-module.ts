import { hasRelaxedMadd, withRelaxedSimd } from '../relaxed-simd.js';
import {
  MLP_PASSES_SHARED_FMA_WASM_BASE64,
  MLP_PASSES_SHARED_WASM_BASE64,
} from '../wasm/mlp-passes-shared-wasm.js';
import { decode } from '../wasm-workspace.js';

const compiled = new Map<boolean, WebAssembly.Module | null>();

/**
 * The shared-memory variant of `wasm/mlp-passes.wat` (its memory imported and
 * shared, see `scripts/compile-wat.mjs`), its float32 multiply-adds fused
 * with `fma` (where relaxed SIMD validates; otherwise `null`), compiled once
 * per process; `null` where there is no `SharedArrayBuffer` or compiling
 * fails (no WebAssembly threads).
 */
export function sharedPassesModule(fma: boolean): WebAssembly.Module | null {
  const known = compiled.get(fma);
  if (known !== undefined) return known;
  let module: WebAssembly.Module | null = null;
  try {
    if (typeof SharedArrayBuffer === 'function' && (!fma || hasRelaxedMadd())) {
      const bytes = decode(fma ? MLP_PASSES_SHARED_FMA_WASM_BASE64 : MLP_PASSES_SHARED_WASM_BASE64);
      module = fma
        ? withRelaxedSimd(() => new WebAssembly.Module(bytes))
        : new WebAssembly.Module(bytes);
    }
  } catch {
    module = null;
  }
  compiled.set(fma, module);
  return module;
}
