import { EpochlabError, InvalidArgumentError, initBackend, SeededRandom } from '@epochlab/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  countMlpParameters,
  createMlp,
  createMlpFromWeights,
  NOTEBOOK_MLP,
  validateMlpSpec,
} from '../src/index.js';

beforeAll(async () => {
  await initBackend('cpu');
});

function thrown(action: () => unknown): InvalidArgumentError {
  try {
    action();
  } catch (error) {
    if (InvalidArgumentError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

const base = { inputSize: 1, hiddenSizes: [4], outputSize: 1 };

describe('spec validation', () => {
  it('fills in the defaults: leakyRelu and pytorch', () => {
    expect(validateMlpSpec(base)).toEqual({ ...base, activation: 'leakyRelu', init: 'pytorch' });
    expect(Object.isFrozen(validateMlpSpec(base).hiddenSizes)).toBe(true);
  });

  it.each([
    [{ ...base, inputSize: 0 }, 'inputSize', 'a whole number from 1 to 1000000'],
    [{ ...base, inputSize: 1.5 }, 'inputSize', 'a whole number from 1 to 1000000'],
    [{ ...base, inputSize: '1' }, 'inputSize', 'a whole number from 1 to 1000000'],
    [{ ...base, outputSize: -1 }, 'outputSize', 'a whole number from 1 to 1000000'],
    [{ ...base, outputSize: Number.NaN }, 'outputSize', 'a whole number from 1 to 1000000'],
    [{ ...base, hiddenSizes: [] }, 'hiddenSizes', 'a non-empty list of layer sizes'],
    [{ ...base, hiddenSizes: 12 }, 'hiddenSizes', 'a non-empty list of layer sizes'],
    [{ ...base, hiddenSizes: [12, 0, 3] }, 'hiddenSizes[1]', 'a whole number from 1 to 1000000'],
    [{ ...base, hiddenSizes: [12, 12, 2.5] }, 'hiddenSizes[2]', 'a whole number'],
    [
      { ...base, activation: 'gelu' },
      'activation',
      'one of leakyRelu, relu, tanh, sigmoid, linear',
    ],
    [{ ...base, activation: 'LeakyReLU' }, 'activation', 'one of leakyRelu, relu'],
    [{ ...base, init: 'kaiming' }, 'init', 'one of pytorch, glorot'],
    [null, 'spec', 'an object with inputSize, hiddenSizes and outputSize'],
  ])('rejects %j naming %s', (spec, parameter, allowed) => {
    for (const action of [
      () => validateMlpSpec(spec),
      () => countMlpParameters(spec as never),
      () => createMlp(spec as never, new SeededRandom(0)),
    ]) {
      const error = thrown(action);
      expect(error.parameter).toBe(parameter);
      expect(error.allowed).toContain(allowed);
      expect(EpochlabError.isInstance(error)).toBe(true);
      expect(error.message).toContain(`${parameter} must be`);
    }
  });

  it('rejects a missing random source', () => {
    expect(thrown(() => createMlp(base, undefined as never)).parameter).toBe('random');
  });
});

describe('weights validation', () => {
  it('rejects weights of the wrong count or length and leaves the model unchanged', () => {
    const mlp = createMlp(NOTEBOOK_MLP, new SeededRandom(5));
    const before = mlp.getWeights();
    const tooFew = thrown(() => mlp.setWeights(before.slice(1)));
    expect(tooFew.parameter).toBe('weights');
    expect(tooFew.allowed).toContain('8 arrays');
    const wrongLength = before.map((values, index) =>
      index === 2 ? new Float32Array(values.length + 1) : new Float32Array(values.length).fill(9),
    );
    const error = thrown(() => mlp.setWeights(wrongLength));
    expect(error.parameter).toBe('weights[2]');
    expect(error.allowed).toBe('144 numbers (the kernel of layer 1, shape [12, 12])');
    expect(error.message).toContain('got "145 numbers"');
    expect(mlp.getWeights()).toEqual(before);
    mlp.dispose();
  });

  it('sets and copies weights', () => {
    const mlp = createMlp(NOTEBOOK_MLP, new SeededRandom(5));
    const replacement = mlp.getWeights().map((values) => values.map((_, i) => i / 100));
    mlp.setWeights(replacement);
    expect(mlp.getWeights()).toEqual(replacement);
    // Later changes to the caller's arrays do not reach the model, nor the reverse.
    (replacement[0] as Float32Array)[0] = 123;
    (mlp.getWeights()[1] as Float32Array)[0] = 456;
    expect(mlp.getWeights()[0]?.[0]).toBe(0);
    expect(mlp.getWeights()[1]?.[0]).toBe(0);
    mlp.dispose();
  });

  it('checks lengths when building from weights', () => {
    const error = thrown(() =>
      createMlpFromWeights(base, [
        new Float32Array(4),
        new Float32Array(4),
        new Float32Array(3),
        new Float32Array(1),
      ]),
    );
    expect(error.parameter).toBe('weights[2]');
    expect(error.allowed).toContain('4 numbers');
  });
});
