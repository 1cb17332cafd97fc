import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tfjsCoreMain = createRequire(import.meta.url).resolve('@tensorflow/tfjs-core');

/**
 * Starts both Node backends in a fresh process and reports how tfjs-core was
 * loaded: the files `require` holds, the URLs the ES-module loader resolved
 * (an ES-module hook records them; `require` never passes through it), and
 * the engine the backends registered with.
 */
function loadInFreshProcess(): {
  required: string[];
  importedAsEsModule: string[];
  registered: string[];
  active: string;
  sameEngineAsBackend: boolean;
} {
  const recorder = `data:text/javascript,${encodeURIComponent(`
    let port;
    export function initialize(data) { port = data.port; }
    export async function resolve(specifier, context, next) {
      const result = await next(specifier, context);
      port.postMessage(result.url);
      return result;
    }
  `)}`;
  const script = `
    import { register, createRequire } from 'node:module';
    import { MessageChannel } from 'node:worker_threads';
    const { port1, port2 } = new MessageChannel();
    const resolved = [];
    port1.on('message', (url) => resolved.push(url));
    port1.unref();
    register(${JSON.stringify(recorder)}, { data: { port: port2 }, transferList: [port2] });
    const { initBackend, tf } = await import('@epochlab/tensor');
    await initBackend('wasm');
    await initBackend('cpu');
    const require = createRequire(import.meta.url);
    const backendsCore = createRequire(require.resolve('@tensorflow/tfjs-backend-cpu'))('@tensorflow/tfjs-core');
    await new Promise((done) => setTimeout(done, 50));
    console.log(JSON.stringify({
      required: Object.keys(require.cache).filter((file) => file.includes('/@tensorflow/tfjs-core/')),
      importedAsEsModule: resolved.filter((url) => url.includes('/@tensorflow/tfjs-core/')),
      registered: Object.keys(tf.engine().registryFactory).sort(),
      active: tf.getBackend(),
      sameEngineAsBackend: backendsCore.engine() === tf.engine(),
    }));
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: packageRoot,
    encoding: 'utf8',
  });
  return JSON.parse(output.trim().split('\n').at(-1) as string);
}

describe('tfjs-core in Node', () => {
  const loaded = loadInFreshProcess();

  it('is loaded once, as the CommonJS build, through require', () => {
    expect(loaded.required).toEqual([tfjsCoreMain]);
    expect(tfjsCoreMain).toMatch(/tf-core\.node\.js$/);
  });

  it('never goes through the ES-module loader (which lexes its whole source first)', () => {
    expect(loaded.importedAsEsModule).toEqual([]);
  });

  it('is the engine the cpu and wasm backends register with', () => {
    expect(loaded.registered).toEqual(
      expect.arrayContaining(['cpu', 'wasm', 'epochlab-call-initBackend-first']),
    );
    expect(loaded.active).toBe('cpu');
    expect(loaded.sameEngineAsBackend).toBe(true);
  });
});
