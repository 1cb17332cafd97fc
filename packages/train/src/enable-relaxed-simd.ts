/**
 * `import '@epochlab/train/enable-relaxed-simd'`, first thing in a Node
 * program (and in each worker thread that trains): lets the fused path's
 * float32 products run their fused multiply-add module
 * (`fused-wasm-simd-f32-fma`) where V8 has WebAssembly relaxed SIMD behind a
 * flag (Node 20: `--experimental-wasm-relaxed-simd`). The package then turns
 * the flag on only while it compiles (or probes) its relaxed-SIMD modules,
 * and off again (see `v8RelaxedSimdScope`): nothing else in the process runs
 * with it. Does nothing where relaxed SIMD already validates (newer Node;
 * browsers: Chromium ships it on) or where the flag does not exist. The
 * `epochlab` CLI imports it, in its main thread and its sweep threads.
 */
import v8 from 'node:v8';
import { hasRelaxedMadd, setRelaxedSimdScope } from './fused/relaxed-simd.js';
import { v8RelaxedSimdScope } from './node/v8-relaxed-simd-scope.js';

if (typeof v8.setFlagsFromString === 'function' && typeof WebAssembly === 'object') {
  if (!hasRelaxedMadd()) {
    try {
      const scope = v8RelaxedSimdScope();
      if (hasRelaxedMadd((bytes) => scope(() => WebAssembly.validate(bytes)))) {
        setRelaxedSimdScope(scope);
      }
    } catch {
      // Not V8's flag parser: the plain float32 products run.
    }
  }
}
