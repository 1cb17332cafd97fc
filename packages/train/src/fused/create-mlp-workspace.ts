import { JavascriptWorkspace } from './javascript-workspace.js';
import type { KernelPrecision, MlpShape, MlpWorkspace } from './mlp-workspace.js';
import { WasmWorkspace } from './wasm-workspace.js';

/**
 * The workspace for `shape`: WebAssembly SIMD on `module` (see
 * `mlpPassesModule`) when there is one and it instantiates here, plain
 * JavaScript otherwise (no module, or instantiating refused, e.g. by a page's
 * Content-Security-Policy). Both give the same bits in the `exact` precision;
 * `float32` needs the module, and without it the workspace is JavaScript's
 * `exact` one (its `precision` says so). For `float32`, `fmaModule` (see
 * `fmaPassesModule`; `null`: none) runs first when it instantiates, its
 * multiply-adds fused (`fma` true); otherwise `module` runs, unchanged.
 */
export function createMlpWorkspace(
  shape: MlpShape,
  module: WebAssembly.Module | null,
  precision: KernelPrecision = 'exact',
  fmaModule: WebAssembly.Module | null = null,
): MlpWorkspace {
  if (fmaModule !== null && precision === 'float32') {
    try {
      return new WasmWorkspace(shape, fmaModule, precision, true);
    } catch {
      // The plain module below.
    }
  }
  if (module !== null) {
    try {
      return new WasmWorkspace(shape, module, precision);
    } catch {
      // Fall back to JavaScript below.
    }
  }
  return new JavascriptWorkspace(shape);
}
