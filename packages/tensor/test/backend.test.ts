import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { afterAll, describe, expect, it } from 'vitest';
import type { BackendCandidate } from '../dist/backend/backend-candidate.js';
import { selectBackend } from '../dist/backend/select-backend.js';
import { PROBE_EXPECTED_GRADIENT, probeTrainingStep } from '../dist/backend/training-step-probe.js';
import {
  ACCELERATOR_MIN_MULTIPLY_ADDS,
  BACKEND_NAMES,
  BackendUnavailableError,
  denseMlpWorkload,
  EpochlabError,
  initBackend,
  tf,
  UnknownBackendError,
} from '../dist/node.js';

const availableHere = ['cpu', 'wasm'] as const;

afterAll(async () => {
  await initBackend('cpu');
});

describe.each(availableHere)('the %s backend', (name) => {
  it('initialises and computes a matMul correctly', async () => {
    const choice = await initBackend(name);
    expect(choice.name).toBe(name);
    expect(choice.reason).toMatch(/^requested by name; /);
    expect(tf.getBackend()).toBe(name);
    const product = tf.tidy(() =>
      tf.matMul(
        tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]),
        tf.tensor2d([7, 8, 9, 10, 11, 12], [3, 2]),
      ),
    );
    // [[1,2,3],[4,5,6]] x [[7,8],[9,10],[11,12]] = [[58,64],[139,154]], by hand.
    expect(product.shape).toEqual([2, 2]);
    expect(Array.from(product.dataSync())).toEqual([58, 64, 139, 154]);
    product.dispose();
  });

  it('computes gradients', async () => {
    await initBackend(name);
    const grad = tf.grad((x: tf.Tensor) => tf.sum(tf.square(x)));
    const g = tf.tidy(() => grad(tf.tensor1d([1, -2, 3])));
    // d/dx sum(x^2) = 2x
    expect(Array.from(g.dataSync())).toEqual([2, -4, 6]);
    g.dispose();
  });
});

/** Whether the native binary of an installed tfjs-node package was downloaded. */
function nativeBindingPresent(packageName: string): boolean {
  const require = createRequire(import.meta.url);
  let packageJson: string;
  try {
    packageJson = require.resolve(`${packageName}/package.json`);
  } catch {
    return false;
  }
  const libFolder = join(dirname(packageJson), 'lib');
  if (!existsSync(libFolder)) return false;
  return require('node:fs')
    .readdirSync(libFolder)
    .some((napi: string) => existsSync(join(libFolder, napi, 'tfjs_binding.node')));
}

describe('native TensorFlow backends', () => {
  for (const [name, packageName] of [
    ['tensorflow-gpu', '@tensorflow/tfjs-node-gpu'],
    ['tensorflow', '@tensorflow/tfjs-node'],
  ] as const) {
    it(`${name}: starts where libtensorflow is installed, otherwise says how to install it`, async () => {
      if (nativeBindingPresent(packageName)) {
        const choice = await initBackend(name);
        expect(tf.getBackend()).toBe('tensorflow');
        expect(choice.name).toBe(name);
        return;
      }
      const failure = await initBackend(name).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(BackendUnavailableError.isInstance(failure)).toBe(true);
      const error = failure as BackendUnavailableError;
      expect(error.backend).toBe(name);
      expect(error.message).toContain(packageName);
      expect(error.hint).toContain(`npm install ${packageName}@${tf.version_core}`);
      expect(error.hint).toMatch(name === 'tensorflow-gpu' ? /CUDA/ : /network/);
      expect(EpochlabError.isInstance(error)).toBe(true);
    });
  }

  it('auto falls back to the first backend that starts and says why', async () => {
    const choice = await initBackend('auto');
    expect(choice.requested).toBe('auto');
    const firstOk = choice.attempts.findIndex((attempt) => attempt.ok);
    expect(choice.attempts[firstOk]?.name).toBe(choice.name);
    expect(choice.attempts.length).toBe(firstOk + 1);
    for (const skipped of choice.attempts.slice(0, firstOk)) {
      expect(skipped.reason).not.toBe('');
      expect(choice.reason).toContain(skipped.name);
    }
    if (
      !nativeBindingPresent('@tensorflow/tfjs-node-gpu') &&
      !nativeBindingPresent('@tensorflow/tfjs-node')
    ) {
      expect(choice.name).toBe('cpu');
      expect(choice.attempts.map((a) => a.name)).toEqual(['tensorflow-gpu', 'tensorflow', 'cpu']);
      expect(choice.reason).toMatch(/is not installed/);
    }
    expect(tf.getBackend()).toBe(choice.tfjsName);
  });
});

describe('backend names', () => {
  it('lists auto and the Node backends', () => {
    expect(BACKEND_NAMES).toEqual(['auto', 'tensorflow-gpu', 'tensorflow', 'cpu', 'wasm']);
  });

  it('rejects an unknown name and lists the valid ones', async () => {
    const failure = await initBackend('webgl').catch((error: unknown) => error);
    expect(UnknownBackendError.isInstance(failure)).toBe(true);
    expect((failure as Error).message).toBe(
      'unknown backend "webgl" for node; valid backends: auto, tensorflow-gpu, tensorflow, cpu, wasm',
    );
  });
});

describe('selectBackend', () => {
  function fakeCandidate(name: string, failure?: string, hostMemory = true): BackendCandidate {
    return {
      name,
      tfjsName: 'cpu',
      description: `fake ${name}`,
      hostMemory,
      load: async () => {
        if (failure) throw new Error(failure);
        await import('@tensorflow/tfjs-backend-cpu');
      },
      explainFailure: (error) => (error as Error).message,
      installHint: `install ${name}`,
    };
  }

  it('tries candidates in order and records each failure', async () => {
    const choice = await selectBackend('auto', 'node', [
      fakeCandidate('first', 'no driver'),
      fakeCandidate('second', 'no library'),
      fakeCandidate('third'),
      fakeCandidate('fourth'),
    ]);
    expect(choice.name).toBe('third');
    expect(choice.attempts).toEqual([
      { name: 'first', ok: false, reason: 'no driver' },
      { name: 'second', ok: false, reason: 'no library' },
      { name: 'third', ok: true, reason: '' },
    ]);
    expect(choice.reason).toBe(
      'auto picked third, the first available of first > second > third > fourth; skipped first (no driver); second (no library)',
    );
  });

  it('fails with every reason when nothing starts', async () => {
    await expect(
      selectBackend('auto', 'node', [fakeCandidate('a', 'broken'), fakeCandidate('b', 'gone')]),
    ).rejects.toThrowError(
      'backend "auto" is not available: no backend could start: a (broken); b (gone)',
    );
  });

  it('puts the install hint in the error for a backend asked for by name', async () => {
    await expect(selectBackend('a', 'node', [fakeCandidate('a', 'broken')])).rejects.toThrowError(
      'backend "a" is not available: broken\ninstall a',
    );
  });

  const device = (name: string) => fakeCandidate(name, undefined, false);
  const host = (name: string) => fakeCandidate(name, undefined, true);

  it('tries host-memory backends first for a small workload, and says why', async () => {
    // The notebook's MLP at batch 5: 3 * 5 * (12 + 144 + 192 + 16) = 5,460 multiply-adds.
    const workload = denseMlpWorkload([1, 12, 12, 16, 1], 5);
    expect(workload.multiplyAddsPerStep).toBe(5460);
    const choice = await selectBackend('auto', 'browser', [device('gpu'), host('cpu')], {
      workload,
    });
    expect(choice.name).toBe('cpu');
    expect(choice.attempts.map((a) => a.name)).toEqual(['cpu']);
    expect(choice.reason).toBe(
      'auto picked cpu, the first available of cpu > gpu (a 1-12-12-16-1 MLP, batch 5 needs about 5,460 multiply-adds per step, too few for a GPU or native backend to pay for its per-op cost (from 8 million), so the backends that run the fused path come first)',
    );
  });

  it('keeps the listed order for a large workload', async () => {
    // 3 * 2048 * (256 * 256 * 2 + 256 * 2) = 808,648,704 multiply-adds: above the limit.
    const workload = denseMlpWorkload([1, 256, 256, 1], 2048);
    expect(workload.multiplyAddsPerStep).toBe(3 * 2048 * (256 + 256 * 256 + 256));
    expect(workload.multiplyAddsPerStep).toBeGreaterThanOrEqual(ACCELERATOR_MIN_MULTIPLY_ADDS);
    const choice = await selectBackend('auto', 'browser', [device('gpu'), host('cpu')], {
      workload,
    });
    expect(choice.name).toBe('gpu');
  });

  it('falls back to the next backend, in ranked order, when the first fails', async () => {
    const choice = await selectBackend(
      'auto',
      'node',
      [device('native'), fakeCandidate('cpu', 'cannot start'), host('wasm')],
      { workload: denseMlpWorkload([1, 4, 1], 1) },
    );
    expect(choice.name).toBe('wasm');
    expect(choice.attempts.map((a) => `${a.name}:${a.ok}`)).toEqual(['cpu:false', 'wasm:true']);
  });

  it('puts cpu first among the host-memory backends for a small workload', async () => {
    const choice = await selectBackend(
      'auto',
      'browser',
      [device('webgpu'), host('wasm'), host('cpu')],
      { workload: denseMlpWorkload([1, 12, 12, 16, 1], 5) },
    );
    expect(choice.name).toBe('cpu');
    expect(choice.reason).toMatch(/first available of cpu > wasm > webgpu /);
  });

  it('leaves out excluded backends under auto', async () => {
    const choice = await selectBackend('auto', 'node', [host('first'), host('second')], {
      exclude: ['first'],
    });
    expect(choice.name).toBe('second');
    expect(choice.reason).toMatch(/; left out first$/);
  });

  it('skips a backend that starts but cannot run a training step', async () => {
    // A backend with no kernels registers and starts, and fails on its first op,
    // as a GPU adapter that refuses buffers does.
    tf.registerBackend('no-kernels', () => new MathBackendCPU());
    const broken: BackendCandidate = {
      ...device('broken'),
      tfjsName: 'no-kernels',
      load: async () => {},
    };
    const choice = await selectBackend('auto', 'browser', [broken, host('cpu')]);
    expect(choice.name).toBe('cpu');
    expect(choice.attempts[0]?.name).toBe('broken');
    expect(choice.attempts[0]?.ok).toBe(false);
    expect(choice.attempts[0]?.reason).toMatch(/not registered for backend 'no-kernels'/);
    tf.removeBackend('no-kernels');
  });
});

describe('the training-step probe', () => {
  it('expects the hand-computed gradient of mean(leakyRelu(x w)^2)', () => {
    // x = 0.1..0.5 (sum of squares 0.55), w = [0.5, -0.25, 1], 15 outputs:
    // d/dw = 2/15 * 0.55 * w, times 0.01^2 where w < 0.
    expect(PROBE_EXPECTED_GRADIENT[0]).toBeCloseTo(0.0366667, 7);
    expect(PROBE_EXPECTED_GRADIENT[1]).toBeCloseTo(-1.83333e-6, 11);
    expect(PROBE_EXPECTED_GRADIENT[2]).toBeCloseTo(0.0733333, 7);
  });

  it('passes on the cpu backend and leaves no tensors behind', async () => {
    await initBackend('cpu');
    const before = tf.memory().numTensors;
    expect(await probeTrainingStep()).toBeUndefined();
    expect(tf.memory().numTensors).toBe(before);
  });
});
