import type { BackendCandidate } from './backend-candidate.js';
import { firstLine } from './select-backend.js';

/**
 * Imports a package by a name the bundler cannot see, so that optional
 * native packages are resolved only at run time, in Node.
 */
function importOptional(specifier: string): Promise<unknown> {
  return import(/* @vite-ignore */ specifier);
}

function explainNativeFailure(packageName: string) {
  return (error: unknown): string => {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: string } | null)?.code;
    if (
      code === 'ERR_MODULE_NOT_FOUND' ||
      code === 'MODULE_NOT_FOUND' ||
      message.includes(`Cannot find package '${packageName}'`)
    ) {
      return `${packageName} is not installed`;
    }
    if (message.includes('tfjs_binding.node')) {
      return `${packageName} is installed without its native library (tfjs_binding.node is missing)`;
    }
    return `${packageName} failed to load: ${firstLine(error)}`;
  };
}

function nativeInstallHint(packageName: string, gpu: boolean): string {
  const needs = gpu
    ? 'a Linux x86_64 machine with an NVIDIA GPU, CUDA 11.8, cuDNN 8.6 and network access'
    : 'a Linux, macOS or Windows x86_64 machine with network access';
  return [
    `To use it, on ${needs}: ${packageName} is an optional dependency of @epochlab/tensor`,
    'whose install script downloads libtensorflow. Let that script run: add',
    `'${packageName}' to onlyBuiltDependencies in pnpm-workspace.yaml, then run`,
    `'pnpm rebuild ${packageName}' (npm: 'npm rebuild ${packageName}').`,
    'Until then, choose the cpu or wasm backend, or auto, which falls back by itself.',
  ].join('\n');
}

/**
 * Node backends, best first: the order `auto` tries them in.
 * The native TensorFlow packages are optional dependencies whose install
 * script downloads libtensorflow; where that could not happen they fail to
 * load and `auto` moves on.
 */
export const nodeBackends: readonly BackendCandidate[] = [
  {
    name: 'tensorflow-gpu',
    tfjsName: 'tensorflow',
    description: 'native TensorFlow with CUDA, @tensorflow/tfjs-node-gpu',
    load: async () => {
      await importOptional('@tensorflow/tfjs-node-gpu');
    },
    explainFailure: explainNativeFailure('@tensorflow/tfjs-node-gpu'),
    installHint: nativeInstallHint('@tensorflow/tfjs-node-gpu', true),
  },
  {
    name: 'tensorflow',
    tfjsName: 'tensorflow',
    description: 'native TensorFlow on the CPU, @tensorflow/tfjs-node',
    load: async () => {
      await importOptional('@tensorflow/tfjs-node');
    },
    explainFailure: explainNativeFailure('@tensorflow/tfjs-node'),
    installHint: nativeInstallHint('@tensorflow/tfjs-node', false),
  },
  {
    name: 'cpu',
    tfjsName: 'cpu',
    description: 'plain JavaScript, bit-identical in Node and browsers',
    load: async () => {
      await import('@tensorflow/tfjs-backend-cpu');
    },
    explainFailure: firstLine,
    installHint: '',
  },
  {
    name: 'wasm',
    tfjsName: 'wasm',
    description: 'WebAssembly with SIMD, single-threaded in Node',
    load: async () => {
      await import('@tensorflow/tfjs-backend-wasm');
    },
    explainFailure: firstLine,
    installHint: '',
  },
];
