import {
  InvalidArgumentError,
  initBackend,
  SeededRandom,
  type Tensor2D,
  tf,
} from '@epochlab/tensor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES, createMlp, createMlpFromWeights, NOTEBOOK_MLP } from '../src/index.js';
import { BACKENDS } from './reference/backends.js';
import { maxAbsDifference, referenceForward } from './reference/mlp-reference.js';

/** A 2-3-2-1 network with hand-picked weights of both signs (kernels row-major [in, out]). */
const TINY_WIDTHS = [2, 3, 2, 1];
const TINY_WEIGHTS = [
  Float32Array.from([0.5, -1.25, 0.75, -0.3, 0.8, 1.5]),
  Float32Array.from([0.1, -0.2, 0.05]),
  Float32Array.from([1.2, -0.7, -0.4, 0.9, 0.6, -1.1]),
  Float32Array.from([-0.25, 0.3]),
  Float32Array.from([0.8, -1.5]),
  Float32Array.from([0.2]),
];
/** Rows of (x1, x2) that put pre-activations on both sides of zero. */
const TINY_INPUTS = [1, 2.5, -1, 0.5, 0.3, -2, -1.5, -0.75, 0, 0, 2.5, 1];

afterAll(async () => {
  await initBackend('cpu');
});

describe.each(BACKENDS)('forward on %s', (backend) => {
  beforeAll(async () => {
    await initBackend(backend);
  });

  it.each(ACTIVATION_NAMES)('equals a hand computation with %s within 1e-6', (activation) => {
    const spec = { inputSize: 2, hiddenSizes: [3, 2], outputSize: 1, activation };
    const mlp = createMlpFromWeights(spec, TINY_WEIGHTS);
    const expected = referenceForward(TINY_WIDTHS, TINY_WEIGHTS, activation, TINY_INPUTS);
    const output = tf.tidy(() => {
      const result = mlp.forward(tf.tensor2d(TINY_INPUTS, [6, 2]));
      expect(result.shape).toEqual([6, 1]);
      return result.dataSync();
    });
    // float32 against float64 on values of order 1: 1e-6 absolute.
    expect(maxAbsDifference(output, expected)).toBeLessThan(1e-6);
    expect(maxAbsDifference(mlp.predict(TINY_INPUTS), expected)).toBeLessThan(1e-6);
    mlp.dispose();
  });

  it('runs the seeded notebook MLP like the reference within 1e-6', async () => {
    const mlp = createMlp(NOTEBOOK_MLP, new SeededRandom(11).stream('init'));
    const xs = Array.from({ length: 41 }, (_, i) => -2 + i * 0.1);
    const expected = referenceForward([1, 12, 12, 16, 1], mlp.getWeights(), 'leakyRelu', xs);
    expect(maxAbsDifference(mlp.predict(xs), expected)).toBeLessThan(1e-6);
    expect(await mlp.predictAsync(xs)).toEqual(mlp.predict(xs));
    expect(mlp.predict([])).toEqual(new Float32Array(0));
    mlp.dispose();
  });

  it('accepts flat row-major input for several input columns', () => {
    const mlp = createMlpFromWeights(
      { inputSize: 2, hiddenSizes: [3, 2], outputSize: 1 },
      TINY_WEIGHTS,
    );
    const fromArray = mlp.predict(TINY_INPUTS);
    expect(mlp.predict(Float32Array.from(TINY_INPUTS))).toEqual(fromArray);
    expect(fromArray).toHaveLength(6);
    mlp.dispose();
  });

  it.each(ACTIVATION_NAMES)(
    'gives gradients that match finite differences with %s',
    (activation) => {
      const spec = { inputSize: 2, hiddenSizes: [3, 2], outputSize: 1, activation };
      const mlp = createMlpFromWeights(spec, TINY_WEIGHTS);
      const { grads, value } = tf.tidy(() => {
        const x = tf.tensor2d(TINY_INPUTS, [6, 2]);
        const result = tf.variableGrads(
          () => tf.sum(mlp.forward(x)) as tf.Scalar,
          mlp.trainableVariables,
        );
        return {
          grads: mlp.trainableVariables.map((v) => (result.grads[v.name] as tf.Tensor).dataSync()),
          value: result.value.dataSync()[0],
        };
      });
      const sumOf = (weights: Float32Array[] | number[][]) =>
        referenceForward(TINY_WIDTHS, weights, activation, TINY_INPUTS).reduce((a, b) => a + b, 0);
      expect(Math.abs((value as number) - sumOf(TINY_WEIGHTS))).toBeLessThan(1e-5);
      // Central differences on the float64 reference, step 1e-5; no input sits on a kink
      // of relu/leakyRelu at that distance, so they agree with the float32 gradient to 1e-3.
      const step = 1e-5;
      TINY_WEIGHTS.forEach((values, tensorIndex) => {
        for (let i = 0; i < values.length; i++) {
          const shifted = (delta: number) =>
            TINY_WEIGHTS.map((w, j) => {
              const copy = Array.from(w);
              if (j === tensorIndex) copy[i] = (copy[i] as number) + delta;
              return copy;
            });
          const numeric = (sumOf(shifted(step)) - sumOf(shifted(-step))) / (2 * step);
          expect(Math.abs((grads[tensorIndex]?.[i] as number) - numeric)).toBeLessThan(1e-3);
        }
      });
      mlp.dispose();
    },
  );

  it('rejects input with the wrong number of columns', () => {
    const mlp = createMlp(NOTEBOOK_MLP, new SeededRandom(1));
    const wrong = tf.zeros([4, 2]) as Tensor2D;
    expect(() => mlp.forward(wrong)).toThrow(InvalidArgumentError);
    expect(() => mlp.forward(wrong)).toThrow(
      'input must be a tensor of shape [batch, 1]; got [4,2]',
    );
    const flat = tf.zeros([4]) as unknown as Tensor2D;
    expect(() => mlp.forward(flat)).toThrow(InvalidArgumentError);
    const twoColumns = createMlpFromWeights(
      { inputSize: 2, hiddenSizes: [3, 2], outputSize: 1 },
      TINY_WEIGHTS,
    );
    expect(() => twoColumns.predict([1, 2, 3])).toThrow(/x must be a list of numbers, 2 per row/);
    tf.dispose([wrong, flat]);
    mlp.dispose();
    twoColumns.dispose();
  });
});
