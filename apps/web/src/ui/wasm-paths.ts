import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/**
 * Where the wasm backend finds its binaries: Vite copies them into the build
 * (hashed names) and these are their absolute URLs, for `initBackend`'s
 * `wasmPaths` in the worker.
 */
export function wasmPaths(base = document.baseURI): Record<string, string> {
  return {
    'tfjs-backend-wasm.wasm': new URL(wasmUrl, base).href,
    'tfjs-backend-wasm-simd.wasm': new URL(wasmSimdUrl, base).href,
    'tfjs-backend-wasm-threaded-simd.wasm': new URL(wasmThreadedUrl, base).href,
  };
}
