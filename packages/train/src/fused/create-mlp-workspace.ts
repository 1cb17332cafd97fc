import { JavascriptWorkspace } from './javascript-workspace.js';
import type { MlpShape, MlpWorkspace } from './mlp-workspace.js';
import { WasmWorkspace } from './wasm-workspace.js';

/**
 * The workspace for `shape`: WebAssembly SIMD on `module` (see
 * `mlpPassesModule`) when there is one and it instantiates here, plain
 * JavaScript otherwise (no module, or instantiating refused, e.g. by a page's
 * Content-Security-Policy). Both give the same bits.
 */
export function createMlpWorkspace(
  shape: MlpShape,
  module: WebAssembly.Module | null,
): MlpWorkspace {
  if (module !== null) {
    try {
      return new WasmWorkspace(shape, module);
    } catch {
      // Fall back to JavaScript below.
    }
  }
  return new JavascriptWorkspace(shape);
}
