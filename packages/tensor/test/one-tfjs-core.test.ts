import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modulesLoaded } from '../../../tools/module-log/modules-loaded.js';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tfjsCoreMain = createRequire(import.meta.url).resolve('@tensorflow/tfjs-core');
const TFJS_CORE = /\/@tensorflow\/tfjs-core\//;

/**
 * Starts both Node backends in a fresh process; returns every module it loaded
 * (and how) and the engine the backends registered with.
 */
function startBothBackends() {
  const { stdout, modules } = modulesLoaded(
    [
      '--input-type=module',
      '-e',
      `import { createRequire } from 'node:module';
       const { initBackend, tf } = await import('@epochlab/tensor');
       await initBackend('wasm');
       await initBackend('cpu');
       const require = createRequire(import.meta.url);
       const backendsCore = createRequire(require.resolve('@tensorflow/tfjs-backend-cpu'))(
         '@tensorflow/tfjs-core',
       );
       console.log(JSON.stringify({
         registered: Object.keys(tf.engine().registryFactory).sort(),
         active: tf.getBackend(),
         sameEngineAsBackend: backendsCore.engine() === tf.engine(),
       }));`,
    ],
    packageRoot,
  );
  const engine = JSON.parse(stdout.trim().split('\n').at(-1) as string) as {
    registered: string[];
    active: string;
    sameEngineAsBackend: boolean;
  };
  return { modules, engine };
}

describe('tfjs-core in Node', () => {
  const { modules, engine } = startBothBackends();
  const tfjsCore = modules.filter((module) => TFJS_CORE.test(module.url));

  it('is loaded once, as the CommonJS build, through require', () => {
    expect(tfjsCore.filter((module) => module.how === 'require')).toEqual([
      { how: 'require', url: pathToFileURL(tfjsCoreMain).href },
    ]);
    expect(tfjsCoreMain).toMatch(/tf-core\.node\.js$/);
  });

  it('never goes through the ES-module loader (which lexes its whole source first)', () => {
    expect(tfjsCore.filter((module) => module.how === 'import')).toEqual([]);
  });

  it('is the engine the cpu and wasm backends register with', () => {
    expect(engine.registered).toEqual(
      expect.arrayContaining(['cpu', 'wasm', 'epochlab-call-initBackend-first']),
    );
    expect(engine.active).toBe('cpu');
    expect(engine.sameEngineAsBackend).toBe(true);
  });
});
