import type { BackendCandidate } from './backend-candidate.js';
import { firstLine } from './select-backend.js';

/**
 * Browser backends, best first: the order `auto` tries them in (the same
 * preference TensorFlow.js itself has). For very small models the GPU backends
 * pay more in dispatch than they gain; pick `cpu` or `wasm` by name there.
 */
export const browserBackends: readonly BackendCandidate[] = [
  {
    name: 'webgpu',
    tfjsName: 'webgpu',
    description: 'WebGPU compute shaders',
    hostMemory: false,
    load: async () => {
      if (typeof navigator === 'undefined' || !('gpu' in navigator)) {
        throw new Error('this browser has no WebGPU (navigator.gpu is missing)');
      }
      await import('@tensorflow/tfjs-backend-webgpu');
    },
    explainFailure: firstLine,
    installHint: 'Use a browser with WebGPU enabled, or pick webgl, wasm or cpu.',
  },
  {
    name: 'webgl',
    tfjsName: 'webgl',
    description: 'WebGL 2 shaders',
    hostMemory: false,
    load: async () => {
      await import('@tensorflow/tfjs-backend-webgl');
    },
    explainFailure: firstLine,
    installHint: 'Use a browser with WebGL 2, or pick wasm or cpu.',
  },
  {
    name: 'wasm',
    tfjsName: 'wasm',
    description: 'WebAssembly with SIMD',
    hostMemory: true,
    load: async (options) => {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      if (options.wasmPaths !== undefined) {
        wasm.setWasmPaths(options.wasmPaths as Parameters<typeof wasm.setWasmPaths>[0]);
      }
    },
    explainFailure: firstLine,
    installHint: 'Serve the .wasm files of @tensorflow/tfjs-backend-wasm and pass wasmPaths.',
  },
  {
    name: 'cpu',
    tfjsName: 'cpu',
    description: 'plain JavaScript, bit-identical in Node and browsers',
    hostMemory: true,
    load: async () => {
      await import('@tensorflow/tfjs-backend-cpu');
    },
    explainFailure: firstLine,
    installHint: '',
  },
];
