/** What a thread of a pass team starts with (see `runPassThread`). */
export interface PassThreadData {
  /** The shared-memory variant of `wasm/mlp-passes.wat` the caller runs too. */
  readonly module: WebAssembly.Module;
  /** The caller's shared memory: the layer table, parameters, buffers, scratch. */
  readonly memory: WebAssembly.Memory;
  /** The control words (`CONTROL`), an `Int32Array`'s buffer. */
  readonly control: SharedArrayBuffer;
  /** This thread's part of every pass, 1 or more (the caller is part 0). */
  readonly part: number;
}

/** A started pass thread. */
export interface PassThreadHandle {
  /** Stops the thread (it may be waiting for a command). */
  terminate(): void;
}

/**
 * Starts the threads a fused kernel splits its products over, where the
 * platform has them: Node's `worker_threads` (`@epochlab/train`'s Node entry
 * installs one). Without a host every pass runs on the caller's thread.
 */
export interface PassThreadHost {
  /**
   * Threads a run may add to its own by default: the cores beyond the
   * caller's, at most 3, and 0 where the caller is itself one of several
   * parallel workers (a sweep's thread).
   */
  readonly spareThreads: number;
  /**
   * The shared-memory variant of `wasm/mlp-passes.wat` the threads run
   * (`sharedPassesModule`), its multiply-adds fused with `fma`, or `null`
   * where it does not compile. Hosts own it, so that a platform without
   * threads never loads its bytes.
   */
  passesModule(fma: boolean): WebAssembly.Module | null;
  /** Starts a thread that runs `runPassThread(data)`; it never keeps the process alive. */
  start(data: PassThreadData): PassThreadHandle;
}

let installed: PassThreadHost | undefined;

/** Makes `host` the one fused kernels use from now on (`undefined`: none). */
export function setPassThreadHost(host: PassThreadHost | undefined): void {
  installed = host;
}

/** The installed host, if any. */
export function passThreadHost(): PassThreadHost | undefined {
  return installed;
}
