import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BackendCandidate } from '../dist/backend/backend-candidate.js';
import { selectBackend } from '../dist/backend/select-backend.js';
import {
  BACKEND_NAMES,
  BackendUnavailableError,
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
  function fakeCandidate(name: string, failure?: string): BackendCandidate {
    return {
      name,
      tfjsName: 'cpu',
      description: `fake ${name}`,
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
});
