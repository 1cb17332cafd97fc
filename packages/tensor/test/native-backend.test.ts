import { afterAll, describe, expect, it } from 'vitest';
import { nativeBackend, nativeInstallHint } from '../dist/backend/native-backend.js';
import { nodeBackends } from '../dist/backend/node-backends.js';
import { selectBackend } from '../dist/backend/select-backend.js';
import { BackendUnavailableError, initBackend, tf } from '../dist/node.js';

const gpu = {
  name: 'tensorflow-gpu',
  packageName: '@tensorflow/tfjs-node-gpu',
  gpu: true,
  description: 'native TensorFlow with CUDA',
} as const;

/** What Node's ESM loader throws for a bare specifier that is not installed. */
function notInstalled(packageName: string): Error {
  return Object.assign(
    new Error(`Cannot find package '${packageName}' imported from /app/node_modules/x.js`),
    { code: 'ERR_MODULE_NOT_FOUND' },
  );
}

/** What @tensorflow/tfjs-node throws when its install script could not download libtensorflow. */
const noBinding = new Error(
  "The Node.js native addon module (tfjs_binding.node) can not be found at path: /app/node_modules/@tensorflow/tfjs-node-gpu/lib/napi-v8/tfjs_binding.node.\nPlease run command 'npm rebuild @tensorflow/tfjs-node-gpu build-addon-from-source' to rebuild the native addon module.",
);

async function failureOf(promise: Promise<unknown>): Promise<BackendUnavailableError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!BackendUnavailableError.isInstance(error))
    throw new Error(`expected a BackendUnavailableError, got ${String(error)}`);
  return error;
}

afterAll(async () => {
  await initBackend('cpu');
});

describe('a native backend asked for by name', () => {
  it('not installed: one line saying so, then the exact install commands for this tfjs-core', async () => {
    const candidate = nativeBackend(gpu, async (specifier) => {
      throw notInstalled(specifier);
    });
    const error = await failureOf(selectBackend('tensorflow-gpu', 'node', [candidate]));
    const [summary, ...instructions] = error.message.split('\n');
    expect(summary).toBe(
      'backend "tensorflow-gpu" is not available: @tensorflow/tfjs-node-gpu is not installed',
    );
    expect(instructions).toContain(`  npm install @tensorflow/tfjs-node-gpu@${tf.version_core}`);
    expect(instructions).toContain(
      `  pnpm add --allow-build=@tensorflow/tfjs-node-gpu @tensorflow/tfjs-node-gpu@${tf.version_core}`,
    );
    expect(error.hint).toMatch(/CUDA 11\.8/);
  });

  it('installed without libtensorflow: says the download is missing and how to rerun it', async () => {
    const candidate = nativeBackend(gpu, async () => {
      throw noBinding;
    });
    const error = await failureOf(selectBackend('tensorflow-gpu', 'node', [candidate]));
    expect(error.message.split('\n')[0]).toBe(
      'backend "tensorflow-gpu" is not available: @tensorflow/tfjs-node-gpu is installed without its native library (tfjs_binding.node is missing; its install script did not download libtensorflow)',
    );
    expect(error.hint).toContain('npm rebuild @tensorflow/tfjs-node-gpu');
  });

  it('a missing dependency of the package is a broken install, not "not installed"', async () => {
    const candidate = nativeBackend(gpu, async () => {
      throw notInstalled('adm-zip');
    });
    const error = await failureOf(selectBackend('tensorflow-gpu', 'node', [candidate]));
    expect(error.reason).toBe(
      "@tensorflow/tfjs-node-gpu failed to load: Cannot find package 'adm-zip' imported from /app/node_modules/x.js",
    );
  });

  it('installed and working: its import registers the tensorflow backend, which becomes active', async () => {
    // Plays @tensorflow/tfjs-node: importing it registers a backend named "tensorflow"
    // and its kernels. The cpu backend's class and kernels stand in for the native
    // ones (there is no libtensorflow here).
    const { MathBackendCPU } = await import('@tensorflow/tfjs-backend-cpu');
    const imported: string[] = [];
    const candidate = nativeBackend(gpu, async (specifier) => {
      imported.push(specifier);
      if (tf.findBackendFactory('tensorflow') !== null) return;
      tf.registerBackend('tensorflow', () => new MathBackendCPU(), 3);
      for (const kernel of tf.getKernelsForBackend('cpu')) {
        tf.registerKernel({ ...kernel, backendName: 'tensorflow' });
      }
    });
    try {
      const choice = await selectBackend('tensorflow-gpu', 'node', [candidate]);
      expect(imported).toEqual(['@tensorflow/tfjs-node-gpu']);
      expect(choice.name).toBe('tensorflow-gpu');
      expect(tf.getBackend()).toBe('tensorflow');
      expect(tf.tidy(() => tf.add(tf.scalar(2), tf.scalar(3)).dataSync()[0])).toBe(5);
    } finally {
      await initBackend('cpu');
      for (const kernel of tf.getKernelsForBackend('tensorflow')) {
        tf.unregisterKernel(kernel.kernelName, 'tensorflow');
      }
      tf.removeBackend('tensorflow');
    }
  });
});

describe('auto in this workspace (neither native package installed)', () => {
  it('skips both native backends as not installed and picks cpu', async () => {
    const choice = await initBackend('auto');
    expect(choice.attempts).toEqual([
      { name: 'tensorflow-gpu', ok: false, reason: '@tensorflow/tfjs-node-gpu is not installed' },
      { name: 'tensorflow', ok: false, reason: '@tensorflow/tfjs-node is not installed' },
      { name: 'cpu', ok: true, reason: '' },
    ]);
    expect(tf.getBackend()).toBe('cpu');
  });

  it('asking for tensorflow by name gives the CPU build install command', async () => {
    const error = await failureOf(initBackend('tensorflow'));
    expect(error.message.split('\n')[0]).toBe(
      'backend "tensorflow" is not available: @tensorflow/tfjs-node is not installed',
    );
    expect(error.hint).toBe(
      nativeInstallHint({ packageName: '@tensorflow/tfjs-node', gpu: false }),
    );
    expect(error.hint).toContain(`  npm install @tensorflow/tfjs-node@${tf.version_core}\n`);
    expect(nodeBackends.map((b) => b.name)).toEqual([
      'tensorflow-gpu',
      'tensorflow',
      'cpu',
      'wasm',
    ]);
  });
});
