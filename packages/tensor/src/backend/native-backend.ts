import { tf } from '../tf.js';
import type { BackendCandidate } from './backend-candidate.js';
import { firstLine } from './select-backend.js';

/** Loads a module by name; tests pass their own to play a package that is missing or broken. */
export type ImportModule = (specifier: string) => Promise<unknown>;

/**
 * Imports a package by a name the bundler cannot see, so that the optional
 * native packages are resolved only at run time, in Node.
 */
const importOptional: ImportModule = (specifier) => import(/* @vite-ignore */ specifier);

/** One of the native TensorFlow packages, both optional peer dependencies of @epochlab/tensor. */
export interface NativeBackendSpec {
  /** epochlab's name: `tensorflow` or `tensorflow-gpu`. */
  readonly name: string;
  /** The npm package: `@tensorflow/tfjs-node` or `@tensorflow/tfjs-node-gpu`. */
  readonly packageName: string;
  /** Whether it needs CUDA (the GPU build). */
  readonly gpu: boolean;
  readonly description: string;
}

/**
 * Whether the package itself is missing (a missing dependency of it is a
 * broken install). Node says `Cannot find package '<name>'`; Vite's module
 * runner (vitest) says `Could not resolve "<name>"`.
 */
function isModuleNotFound(error: unknown, packageName: string): boolean {
  const message = firstLine(error);
  return (
    message.includes(`Cannot find package '${packageName}'`) ||
    message.includes(`Cannot find module '${packageName}'`) ||
    message.includes(`Could not resolve "${packageName}"`)
  );
}

/** Turns what the import threw into a short reason: not installed, no native library, or other. */
export function explainNativeFailure(packageName: string, error: unknown): string {
  if (isModuleNotFound(error, packageName)) return `${packageName} is not installed`;
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('tfjs_binding.node')) {
    return `${packageName} is installed without its native library (tfjs_binding.node is missing; its install script did not download libtensorflow)`;
  }
  return `${packageName} failed to load: ${firstLine(error)}`;
}

/**
 * What to do about a missing native backend: the exact install commands, for
 * the tfjs-core version in use (the native packages pin tfjs-core exactly, so
 * any other version would load a second copy of it).
 */
export function nativeInstallHint(
  spec: Pick<NativeBackendSpec, 'packageName' | 'gpu'>,
  tfjsVersion: string = tf.version_core,
): string {
  const { packageName, gpu } = spec;
  const machine = gpu
    ? 'Linux x86_64 with an NVIDIA GPU, CUDA 11.8 and cuDNN 8.6'
    : 'Linux, macOS or Windows on x86_64';
  return [
    `It needs ${machine}, and network access while installing: its install script downloads libtensorflow.`,
    'Install it next to @epochlab/tensor:',
    `  npm install ${packageName}@${tfjsVersion}`,
    `  pnpm add --allow-build=${packageName} ${packageName}@${tfjsVersion}`,
    `If it is installed but its download failed, run its install script again: npm rebuild ${packageName}`,
    '(pnpm: pnpm rebuild, after allowing its build). Until then choose cpu or wasm, or auto, which falls back by itself.',
  ].join('\n');
}

/**
 * A native TensorFlow backend: loads `spec.packageName` (which registers the
 * `tensorflow` backend with tfjs-core) and explains a failure to load it.
 */
export function nativeBackend(
  spec: NativeBackendSpec,
  importModule: ImportModule = importOptional,
): BackendCandidate {
  return {
    name: spec.name,
    tfjsName: 'tensorflow',
    description: spec.description,
    hostMemory: false,
    load: async () => {
      await importModule(spec.packageName);
    },
    explainFailure: (error) => explainNativeFailure(spec.packageName, error),
    get installHint() {
      return nativeInstallHint(spec);
    },
  };
}
