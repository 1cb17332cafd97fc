import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Runs `source` (an ES module that prints one JSON line) in a fresh Node
 * process: V8's flags are process-wide, so each case gets its own.
 */
function runInFreshProcess(source: string): Record<string, unknown> {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', source], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}

const dist = (file: string) => JSON.stringify(new URL(`../dist/${file}`, import.meta.url).href);

/** A module that uses `f32x4.relaxed_madd` (the package's own probe). */
const PROBE = `Uint8Array.from([0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 123, 1, 123, 3, 2, 1, 0,
  10, 13, 1, 11, 0, 32, 0, 32, 0, 32, 0, 253, 133, 2, 11])`;

describe('enable-relaxed-simd', () => {
  it('compiles the FMA modules with relaxed SIMD, and leaves the flag off for the rest', () => {
    const result = runInFreshProcess(`
      const probe = ${PROBE};
      const native = WebAssembly.validate(probe);
      await import(${dist('enable-relaxed-simd.js')});
      const { fmaPassesModule } = await import(${dist('fused/wasm-workspace.js')});
      const { sharedPassesModule } = await import(${dist('fused/threads/shared-passes-module.js')});
      const { hasRelaxedMadd } = await import(${dist('fused/relaxed-simd.js')});
      const fma = fmaPassesModule() !== null && sharedPassesModule(true) !== null;
      console.log(JSON.stringify({
        native, has: hasRelaxedMadd(), fma, outside: WebAssembly.validate(probe),
      }));
    `);
    expect(result.has).toBe(true);
    expect(result.fma).toBe(true);
    // Where relaxed SIMD needs the flag (Node 20), it is off again outside the package's compiles.
    expect(result.outside).toBe(result.native);
  });

  it('takes a lock every thread shares around the flag, and worker threads get the modules too', () => {
    const result = runInFreshProcess(`
      import { getEnvironmentData, Worker } from 'node:worker_threads';
      await import(${dist('enable-relaxed-simd.js')});
      const { RELAXED_SIMD_LOCK_KEY } = await import(${dist('node/v8-relaxed-simd-scope.js')});
      const { hasRelaxedMadd } = await import(${dist('fused/relaxed-simd.js')});
      const native = hasRelaxedMadd((bytes) => WebAssembly.validate(bytes));
      const buffer = getEnvironmentData(RELAXED_SIMD_LOCK_KEY);
      if (native || !(buffer instanceof SharedArrayBuffer)) {
        console.log(JSON.stringify({ native, lock: buffer instanceof SharedArrayBuffer }));
      } else {
        const lock = new Int32Array(buffer);
        Atomics.store(lock, 0, 1); // held here: the worker's compile must wait for it
        // An ES module, as this process's --input-type says.
        const worker = new Worker(\`
          import { parentPort } from 'node:worker_threads';
          await import(\${JSON.stringify(${dist('enable-relaxed-simd.js')})});
          const { fmaPassesModule } = await import(\${JSON.stringify(${dist('fused/wasm-workspace.js')})});
          parentPort.postMessage({ fma: fmaPassesModule() !== null });
        \`, { eval: true });
        const events = [];
        const answer = new Promise((resolve) => worker.on('message', (message) => {
          events.push('compiled');
          resolve(message);
        }));
        await new Promise((resolve) => setTimeout(resolve, 300));
        events.push('released');
        Atomics.store(lock, 0, 0);
        Atomics.notify(lock, 0);
        const message = await answer;
        await worker.terminate();
        console.log(JSON.stringify({ native, lock: true, events, ...message }));
      }
    `);
    if (result.native === true) return; // relaxed SIMD without a flag: no scope, no lock
    expect(result.lock).toBe(true);
    expect(result.events).toEqual(['released', 'compiled']);
    expect(result.fma).toBe(true);
  });
});
