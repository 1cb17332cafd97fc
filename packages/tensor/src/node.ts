/**
 * @epochlab/tensor for Node.js: backends `auto | tensorflow-gpu | tensorflow | cpu | wasm`.
 */
// tfjs-core registers no gradients by itself. Its registration module is ESM
// inside a CommonJS package, so the build bundles it for Node (scripts/bundle-gradients.mjs).
import './register-gradients.node.js';
import { nodeBackends } from './backend/node-backends.js';
import {
  type BackendChoice,
  type InitBackendOptions,
  selectBackend,
} from './backend/select-backend.js';
import { registerUninitialisedBackend } from './backend/uninitialised-backend.js';

export * from './shared.js';

// Until initBackend runs, a tensor op says to call it (not tfjs's "No backend found in registry.").
registerUninitialisedBackend();

/** Backend names accepted in Node, `auto` first. */
export const BACKEND_NAMES = ['auto', ...nodeBackends.map((b) => b.name)] as const;

/** The platform this entry point serves. */
export const PLATFORM = 'node' as const;

/**
 * Starts a TensorFlow.js backend by name and makes it the active one.
 *
 * `auto` tries `tensorflow-gpu`, `tensorflow`, `cpu`, `wasm` in that order, or,
 * given a small `workload` (`denseMlpWorkload`), `cpu` and `wasm` first: there
 * the fused path beats native TensorFlow's per-op cost. Each backend must pass
 * a small training step before it is picked; the reason says what was
 * skipped and why. A backend asked for by name either starts or
 * throws `BackendUnavailableError` with instructions to install it; an unknown
 * name throws `UnknownBackendError` listing the valid ones.
 *
 * @example
 * const choice = await initBackend('auto');
 * console.log(choice.name, '-', choice.reason);
 */
export function initBackend(
  name = 'auto',
  options: InitBackendOptions = {},
): Promise<BackendChoice> {
  return selectBackend(name, PLATFORM, nodeBackends, options);
}
