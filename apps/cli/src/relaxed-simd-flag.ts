/**
 * Turns on WebAssembly relaxed SIMD where V8 has it behind a flag (Node 20:
 * `--experimental-wasm-relaxed-simd`), so that `@epochlab/train`'s float32
 * products can run their FMA module (`fused-wasm-simd-f32-fma`). Imported
 * first by the entry, before anything compiles WebAssembly: V8 reads the
 * flag when a module is validated or compiled. Does nothing where a tiny
 * module using `f32x4.relaxed_madd` already validates (relaxed SIMD is on;
 * the flag may not exist there) or outside V8.
 */
import v8 from 'node:v8';

/** A module of one function that uses `f32x4.relaxed_madd`. */
const RELAXED_MADD_PROBE = Uint8Array.from([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 123, 1, 123, 3, 2, 1, 0, 10, 13, 1, 11, 0, 32, 0, 32,
  0, 32, 0, 253, 133, 2, 11,
]);

function relaxedSimdValidates(): boolean {
  try {
    return WebAssembly.validate(RELAXED_MADD_PROBE);
  } catch {
    return false;
  }
}

if (
  typeof WebAssembly === 'object' &&
  typeof v8.setFlagsFromString === 'function' &&
  process.versions.v8 !== undefined &&
  !relaxedSimdValidates()
) {
  try {
    v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
  } catch {
    // Not V8's flag parser: the plain float32 products run.
  }
}
