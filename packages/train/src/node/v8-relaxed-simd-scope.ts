import v8 from 'node:v8';
import { getEnvironmentData, setEnvironmentData } from 'node:worker_threads';
import type { RelaxedSimdScope } from '../fused/relaxed-simd.js';

/** V8's flag for relaxed SIMD in Node 20 (on by default from V8 11.4, Node 22). */
const RELAXED_SIMD_FLAG = '--experimental-wasm-relaxed-simd';

/** The environment-data key of the lock's buffer (`worker_threads.getEnvironmentData`). */
export const RELAXED_SIMD_LOCK_KEY = 'epochlab.train.relaxedSimdFlagLock';

/**
 * A lock word shared by this thread and every worker thread started after
 * it: a `SharedArrayBuffer` in the environment data (which Node copies into
 * each new worker, and which stays shared memory there), made by the first
 * thread that asks.
 */
function processLock(): Int32Array {
  const found = getEnvironmentData(RELAXED_SIMD_LOCK_KEY);
  if (found instanceof SharedArrayBuffer) return new Int32Array(found);
  const buffer = new SharedArrayBuffer(4);
  setEnvironmentData(RELAXED_SIMD_LOCK_KEY, buffer);
  return new Int32Array(buffer);
}

/**
 * A {@link RelaxedSimdScope} for a V8 that has relaxed SIMD behind
 * {@link RELAXED_SIMD_FLAG}: the flag is on only while `compile` runs, then
 * off again. A module compiled then keeps relaxed SIMD for its life, on
 * every thread it is posted to; the rest of the process never sees the
 * flag. That matters because V8 rejects Node's code cache while a flag
 * differs from its start-up value: every worker thread started with the
 * flag on (the fused path's helper threads, the CLI's chart and sweep
 * threads) took 45-60 ms to start instead of 20-35 ms on a 2-core VM.
 *
 * The flag is process-wide, so the threads take a lock around it: one
 * thread turning it off cannot fall into another's compile. The lock is not
 * reentrant: `compile` must not enter the scope again.
 */
export function v8RelaxedSimdScope(): RelaxedSimdScope {
  const lock = processLock();
  return (compile) => {
    while (Atomics.compareExchange(lock, 0, 0, 1) !== 0) Atomics.wait(lock, 0, 1, 5);
    try {
      v8.setFlagsFromString(RELAXED_SIMD_FLAG);
      return compile();
    } finally {
      v8.setFlagsFromString(RELAXED_SIMD_FLAG.replace('--', '--no-'));
      Atomics.store(lock, 0, 0);
      Atomics.notify(lock, 0, 1);
    }
  };
}
