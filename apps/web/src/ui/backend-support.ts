import type { WebBackend } from '../state/url-state.js';

/** Whether each browser backend can run here (`auto` always can). */
export type BackendSupport = Readonly<Record<WebBackend, boolean>>;

/** What a page offers until {@link detectBackends} answers: wasm and cpu, no GPU backend. */
export const SUPPORT_BEFORE_DETECTION: BackendSupport = {
  auto: true,
  webgpu: false,
  webgl: false,
  wasm: true,
  cpu: true,
};

/**
 * Checks what this browser offers, without starting TensorFlow.js on the page:
 * a WebGPU adapter, a WebGL 2 context, WebAssembly. Training runs in a worker,
 * which has the same features.
 */
export async function detectBackends(): Promise<BackendSupport> {
  let webgpu = false;
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (gpu) {
    try {
      webgpu = (await gpu.requestAdapter()) !== null;
    } catch {
      webgpu = false;
    }
  }
  let webgl = false;
  try {
    webgl = document.createElement('canvas').getContext('webgl2') !== null;
  } catch {
    webgl = false;
  }
  const wasm = typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function';
  return { auto: true, webgpu, webgl, wasm, cpu: true };
}
