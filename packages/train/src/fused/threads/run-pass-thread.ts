import type { MlpPassesExports } from '../wasm-workspace.js';
import { arriveAndWait, CONTROL, PASS_OPS, waitWhile } from './pass-control.js';
import type { PassThreadData } from './pass-thread-host.js';

/**
 * The loop of one pass thread: instantiates `data.module` on the shared
 * memory, says it is ready, then runs its part of each command the caller
 * posts (see `PassTeam`: every command has every thread take part, so no
 * thread reads the words of the next one early) until `EXIT`. A part that throws sets `FAILED`, so
 * that every thread waiting at a barrier throws instead of waiting forever.
 */
export function runPassThread(data: PassThreadData): void {
  const control = new Int32Array(data.control);
  const rate = new Float32Array(data.control, 4 * CONTROL.RATE_BITS, 1);
  const { part } = data;
  let parts = 1;
  const imports = {
    env: { memory: data.memory },
    math: { tanh: Math.tanh, exp: Math.exp },
    threads: { barrier: () => arriveAndWait(control, parts) },
  };
  const passes = new WebAssembly.Instance(data.module, imports)
    .exports as unknown as MlpPassesExports;
  Atomics.add(control, CONTROL.READY, 1);
  let seen = Atomics.load(control, CONTROL.SEQUENCE);
  for (;;) {
    waitWhile(control, CONTROL.SEQUENCE, seen);
    seen = Atomics.load(control, CONTROL.SEQUENCE);
    const op = control[CONTROL.OP];
    if (op === PASS_OPS.EXIT) return;
    parts = control[CONTROL.PARTS] as number;
    try {
      runPart(passes, control, rate[0] as number, part, parts, op);
    } catch (error) {
      Atomics.store(control, CONTROL.FAILED, 1);
      Atomics.notify(control, CONTROL.GENERATION);
      throw error;
    }
  }
}

function runPart(
  passes: MlpPassesExports,
  control: Int32Array,
  rate: number,
  part: number,
  parts: number,
  op: number | undefined,
): void {
  const word = (index: number) => control[index] as number;
  const scratch = word(CONTROL.SCRATCH) + part * word(CONTROL.SCRATCH_BYTES);
  const shared = [
    0, // the layer table's address
    word(CONTROL.LAYERS),
    word(CONTROL.ROWS),
    word(CONTROL.ACTIVATION),
    word(CONTROL.PRECISION),
    scratch,
  ] as const;
  if (op === PASS_OPS.FORWARD) {
    passes.forward(...shared, part, parts);
  } else if (op === PASS_OPS.BACKWARD) {
    passes.backward(...shared, word(CONTROL.CARRY), word(CONTROL.RESUME), part, parts);
  } else if (op === PASS_OPS.DESCEND) {
    descendPart(passes, control, rate, part, parts);
    arriveAndWait(control, parts);
  }
}

/**
 * `descend` on part `part` of `parts` of the parameters: whole groups of four
 * floats (each element's update is the same whichever part runs it).
 */
export function descendPart(
  passes: MlpPassesExports,
  control: Int32Array,
  rate: number,
  part: number,
  parts: number,
): void {
  const count = control[CONTROL.COUNT] as number;
  const chunk = Math.ceil(count / parts / 4) * 4;
  const from = Math.min(count, part * chunk);
  const to = Math.min(count, from + chunk);
  if (to <= from) return;
  const parameters = (control[CONTROL.PARAMETERS] as number) + 4 * from;
  const gradients = (control[CONTROL.GRADIENTS] as number) + 4 * from;
  passes.descend(parameters, gradients, to - from, rate);
}
