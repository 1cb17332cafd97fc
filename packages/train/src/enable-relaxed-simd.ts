/**
 * `import '@epochlab/train/enable-relaxed-simd'`, first thing in a Node
 * program: turns on WebAssembly relaxed SIMD where V8 has it behind a flag
 * (Node 20: `--experimental-wasm-relaxed-simd`), so that the fused path's
 * float32 products can run their fused multiply-add module
 * (`fused-wasm-simd-f32-fma`). Import it before anything compiles
 * WebAssembly: V8 reads the flag when a module is validated or compiled.
 * Does nothing where relaxed SIMD already validates (the flag may not exist
 * there) or outside V8 (browsers: Chromium ships it on). The `epochlab` CLI
 * imports it; the rest of the package never sets a flag.
 */
import v8 from 'node:v8';
import { hasRelaxedMadd } from './fused/relaxed-simd.js';

if (typeof v8.setFlagsFromString === 'function' && process.versions.v8 !== undefined) {
  if (typeof WebAssembly === 'object' && !hasRelaxedMadd()) {
    try {
      v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
    } catch {
      // Not V8's flag parser: the plain float32 products run.
    }
  }
}
