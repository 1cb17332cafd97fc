import { createRequire } from 'node:module';
import type { BackendCandidate } from './backend-candidate.js';
import { nativeBackend } from './native-backend.js';
import { firstLine } from './select-backend.js';

/**
 * Loads a backend package for its side effect (registering itself with tfjs-core). Node runs
 * these packages' CommonJS builds either way; `require` skips the lexing of their half-megabyte
 * sources that an ES-module `import()` of CommonJS does to find its exports, a noticeable part
 * of a short command's start.
 */
const requireBackend = createRequire(import.meta.url);

/**
 * Node backends, best first: the order `auto` tries them in.
 * The native TensorFlow packages are optional peer dependencies whose install
 * script downloads libtensorflow; where they are not installed, or their
 * download failed, they fail to load and `auto` moves on.
 */
export const nodeBackends: readonly BackendCandidate[] = [
  nativeBackend({
    name: 'tensorflow-gpu',
    packageName: '@tensorflow/tfjs-node-gpu',
    gpu: true,
    description: 'native TensorFlow with CUDA, @tensorflow/tfjs-node-gpu',
  }),
  nativeBackend({
    name: 'tensorflow',
    packageName: '@tensorflow/tfjs-node',
    gpu: false,
    description: 'native TensorFlow on the CPU, @tensorflow/tfjs-node',
  }),
  {
    name: 'cpu',
    tfjsName: 'cpu',
    description: 'plain JavaScript, bit-identical in Node and browsers',
    hostMemory: true,
    load: async () => {
      requireBackend('@tensorflow/tfjs-backend-cpu');
    },
    explainFailure: firstLine,
    installHint: '',
  },
  {
    name: 'wasm',
    tfjsName: 'wasm',
    description: 'WebAssembly with SIMD, single-threaded in Node',
    hostMemory: true,
    load: async () => {
      requireBackend('@tensorflow/tfjs-backend-wasm');
    },
    explainFailure: firstLine,
    installHint: '',
  },
];
