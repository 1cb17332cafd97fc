import { arriveAndWait, CONTROL, PASS_OPS } from './pass-control.js';
import type { PassThreadHandle, PassThreadHost } from './pass-thread-host.js';

/**
 * The caller's side of a fused kernel's threads: `helpers` threads started by
 * `host` on the same module and shared memory, each waiting for commands in
 * `runPassThread`. The caller posts a command, runs part 0 itself, and the
 * pass's barriers (or {@link barrier}) wait for the others. Until every
 * helper has started (a few tens of milliseconds), {@link readyParts} is 1
 * and the caller runs passes alone.
 */
export class PassTeam {
  readonly control: Int32Array;
  /** The float32 view of the control words (a `descend` rate). */
  readonly rate: Float32Array;
  readonly helpers: number;
  private readonly handles: PassThreadHandle[] = [];
  private disposed = false;

  constructor(
    host: PassThreadHost,
    module: WebAssembly.Module,
    memory: WebAssembly.Memory,
    helpers: number,
  ) {
    const buffer = new SharedArrayBuffer(4 * CONTROL.LENGTH);
    this.control = new Int32Array(buffer);
    this.rate = new Float32Array(buffer, 4 * CONTROL.RATE_BITS, 1);
    this.helpers = helpers;
    try {
      for (let part = 1; part <= helpers; part++) {
        this.handles.push(host.start({ module, memory, control: buffer, part }));
      }
    } catch (error) {
      // A thread that would not start: the ones that did stop, and the caller runs alone.
      this.dispose();
      throw error;
    }
  }

  /** Threads a pass can use now: the caller and, once all have started, its helpers. */
  get readyParts(): number {
    if (this.disposed || Atomics.load(this.control, CONTROL.READY) < this.helpers) return 1;
    return 1 + this.helpers;
  }

  /**
   * Wakes the helpers for `op`, whose other words the caller has written to
   * {@link control}: `parts` is {@link readyParts} (every helper runs its
   * part); 1 posts nothing.
   */
  post(op: number, parts: number): void {
    if (parts <= 1) return;
    if (parts !== 1 + this.helpers)
      throw new Error(`a pass runs on 1 or ${1 + this.helpers} threads`);
    const { control } = this;
    control[CONTROL.OP] = op;
    control[CONTROL.PARTS] = parts;
    Atomics.add(control, CONTROL.SEQUENCE, 1);
    Atomics.notify(control, CONTROL.SEQUENCE);
  }

  /** Waits until the command's `parts` threads have all arrived here. */
  barrier(parts: number): void {
    if (parts > 1) arriveAndWait(this.control, parts);
  }

  /** Tells the helpers to stop and terminates them; later passes run alone. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const { control } = this;
    control[CONTROL.OP] = PASS_OPS.EXIT;
    Atomics.add(control, CONTROL.SEQUENCE, 1);
    Atomics.notify(control, CONTROL.SEQUENCE);
    for (const handle of this.handles) handle.terminate();
  }
}
