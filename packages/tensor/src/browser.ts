/**
 * @epochlab/tensor for browsers: backends `auto | webgpu | webgl | wasm | cpu`.
 * Never imports Node-only code.
 */
// tfjs-core first: its flags (DEBUG, ...) must be registered before the
// gradients module reads them, or bundlers that keep ES module order throw
// "Cannot evaluate flag 'DEBUG'" while loading.
import '@tensorflow/tfjs-core';
// tfjs-core registers no gradients by itself; training needs all of them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { browserBackends } from './backend/browser-backends.js';
import {
  type BackendChoice,
  type InitBackendOptions,
  selectBackend,
} from './backend/select-backend.js';
import { registerUninitialisedBackend } from './backend/uninitialised-backend.js';

export * from './shared.js';

// Until initBackend runs, a tensor op says to call it (not tfjs's "No backend found in registry.").
registerUninitialisedBackend();

/** Backend names accepted in browsers, `auto` first. */
export const BACKEND_NAMES = ['auto', ...browserBackends.map((b) => b.name)] as const;

/** The platform this entry point serves. */
export const PLATFORM = 'browser' as const;

/**
 * Starts a TensorFlow.js backend by name and makes it the active one.
 *
 * `auto` tries `webgpu`, `webgl`, `wasm`, `cpu` in that order, or, given a
 * small `workload` (`denseMlpWorkload`), `cpu` and `wasm` first: for small
 * networks GPU dispatch costs more than it saves. Each backend must pass a
 * small training step before it is picked; the reason says what was skipped
 * and why. Pass `wasmPaths` when a bundler serves the wasm binaries
 * from somewhere other than the package folder.
 */
export function initBackend(
  name = 'auto',
  options: InitBackendOptions = {},
): Promise<BackendChoice> {
  return selectBackend(name, PLATFORM, browserBackends, options);
}
