/** Where a backend runs. */
export type Platform = 'node' | 'browser';

/** Options a backend loader may need. */
export interface BackendLoadOptions {
  /**
   * Browser only: the folder (URL ending in `/`) or file map where the wasm
   * backend finds its `.wasm` binaries. Bundlers usually need this set.
   */
  wasmPaths?: string | Record<string, string>;
}

/**
 * One backend epochlab can start: how to load it, what tfjs calls it, and
 * what to tell a user who does not have it.
 */
export interface BackendCandidate {
  /** epochlab's name for it, as typed by users (`tensorflow-gpu`, `wasm`, ...). */
  readonly name: string;
  /** The name TensorFlow.js registers it under (`tensorflow`, `wasm`, ...). */
  readonly tfjsName: string;
  /** One line on what it is, shown by `auto` and in help texts. */
  readonly description: string;
  /**
   * Its tensors live in JavaScript memory (`cpu`, `wasm`): code can read and
   * write them cheaply, so `@epochlab/train`'s fused path runs on it, and
   * `auto` prefers it for small workloads (see `rankCandidates`).
   */
  readonly hostMemory: boolean;
  /** Imports and registers the backend with tfjs-core; throws when it cannot. */
  load(options: BackendLoadOptions): Promise<void>;
  /** Turns a load failure into a reason a person can read. */
  explainFailure(error: unknown): string;
  /** How to make the backend available where it is missing. */
  readonly installHint: string;
}
