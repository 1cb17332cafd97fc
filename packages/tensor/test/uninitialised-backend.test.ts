import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Runs an ES module in a fresh Node process (no backend registered yet) and returns its stdout. */
function runFresh(source: string): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', source], {
    cwd: packageRoot,
    encoding: 'utf8',
  }).trim();
}

describe('a tensor op before initBackend', () => {
  it('throws BackendNotInitialisedError naming initBackend, not tfjs\'s "No backend found"', () => {
    const output = runFresh(`
      import { BackendNotInitialisedError, EpochlabError, tf } from '@epochlab/tensor';
      try {
        tf.tensor2d([1, 2], [2, 1]);
        console.log('no error');
      } catch (error) {
        console.log(BackendNotInitialisedError.isInstance(error), EpochlabError.isInstance(error));
        console.log(error.message);
      }
    `);
    expect(output.split('\n')).toEqual([
      'true true',
      'no TensorFlow.js backend is active: call `await initBackend()` from @epochlab/tensor before creating tensors (or initBackend("cpu") for the bit-identical reference backend)',
    ]);
  });

  it('works once initBackend has run', () => {
    const output = runFresh(`
      import { initBackend, tf } from '@epochlab/tensor';
      try { tf.scalar(1); } catch {}
      await initBackend('cpu');
      const sum = tf.add(tf.scalar(2), tf.scalar(3)).dataSync()[0];
      console.log(tf.getBackend(), sum);
    `);
    expect(output).toBe('cpu 5');
  });

  it('steps aside for a backend the user registered by importing a tfjs backend package', () => {
    const output = runFresh(`
      import { tf } from '@epochlab/tensor';
      await import('@tensorflow/tfjs-backend-cpu');
      const product = tf.mul(tf.scalar(4), tf.scalar(5)).dataSync()[0];
      console.log(tf.getBackend(), product);
    `);
    expect(output).toBe('cpu 20');
  });
});
