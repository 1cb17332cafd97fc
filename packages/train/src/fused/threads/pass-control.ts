/**
 * The words a pass team's threads share (an `Int32Array` on a
 * `SharedArrayBuffer`): the current command, which the caller writes before
 * it bumps {@link SEQUENCE}, and the barrier's count and generation.
 */
export const CONTROL = {
  /** Bumped (and notified) once per command, after its words are written. */
  SEQUENCE: 0,
  /** One of {@link PASS_OPS}. */
  OP: 1,
  /** Threads that run this command, the caller (part 0) and every helper. */
  PARTS: 2,
  ROWS: 3,
  LAYERS: 4,
  ACTIVATION: 5,
  PRECISION: 6,
  CARRY: 7,
  RESUME: 8,
  /** Byte address of part 0's scratch; part p's is `p * SCRATCH_BYTES` further. */
  SCRATCH: 9,
  SCRATCH_BYTES: 10,
  /** `descend`: byte addresses of the parameters and gradients, and their count. */
  PARAMETERS: 11,
  GRADIENTS: 12,
  COUNT: 13,
  /** `descend`: the rate, a float32's bits. */
  RATE_BITS: 14,
  /** Threads arrived at the current barrier. */
  ARRIVED: 16,
  /** Bumped (and notified) when the last thread arrives. */
  GENERATION: 17,
  /** Threads (other than the caller) started and waiting for commands. */
  READY: 18,
  /** Set by a thread whose part threw: every barrier then throws. */
  FAILED: 19,
  /** Words in the control array. */
  LENGTH: 20,
} as const;

/** The commands of {@link CONTROL}'s `OP`. */
export const PASS_OPS = { FORWARD: 1, BACKWARD: 2, DESCEND: 3, EXIT: 4 } as const;

/**
 * Loads of a shared word before a waiting thread sleeps (`Atomics.wait`):
 * about 2 ms on a 2.6 GHz core (7 ns a load), longer than the two halves of
 * a product usually differ by and than the caller's work between two
 * passes, so that a thread is awake when the next pass starts (a wake-up
 * from `Atomics.wait` took 50-100 µs on a 2-core VM; spinning for 0.13 ms
 * instead of 2 ms made two layers of 1024 train 5-8% slower).
 */
const SPINS = 300_000;

/** The error every waiting thread throws once a thread's part failed. */
export class PassThreadFailure extends Error {
  constructor() {
    super('a thread of the fused pass failed; its part was not computed');
    this.name = 'PassThreadFailure';
  }
}

/**
 * Returns once `parts` threads (the caller among them) have called it for the
 * same generation: a counting barrier whose last arrival bumps
 * {@link CONTROL}'s `GENERATION`. A thread spins on the generation for a
 * while, then sleeps until notified. Throws {@link PassThreadFailure} when a
 * thread has failed (it never arrives).
 */
export function arriveAndWait(control: Int32Array, parts: number): void {
  const generation = Atomics.load(control, CONTROL.GENERATION);
  if (Atomics.add(control, CONTROL.ARRIVED, 1) === parts - 1) {
    Atomics.store(control, CONTROL.ARRIVED, 0);
    Atomics.add(control, CONTROL.GENERATION, 1);
    Atomics.notify(control, CONTROL.GENERATION);
    return;
  }
  waitWhile(control, CONTROL.GENERATION, generation);
}

/**
 * Waits until `control[index]` is no longer `value`: spins, then sleeps in
 * `Atomics.wait` (waking every 100 ms to look at `FAILED`). Throws
 * {@link PassThreadFailure} once `FAILED` is set.
 */
export function waitWhile(control: Int32Array, index: number, value: number): void {
  for (let spin = 0; spin < SPINS; spin++) {
    if (Atomics.load(control, index) !== value) return;
  }
  while (Atomics.load(control, index) === value) {
    if (Atomics.load(control, CONTROL.FAILED) !== 0) throw new PassThreadFailure();
    Atomics.wait(control, index, value, 100);
  }
}
