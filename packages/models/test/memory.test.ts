import {
  countTensors,
  EpochlabError,
  initBackend,
  SeededRandom,
  type Tensor2D,
  tf,
} from '@epochlab/tensor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTIVATION_NAMES,
  createMlp,
  fromArtifacts,
  NOTEBOOK_MLP,
  toArtifacts,
} from '../src/index.js';
import { BACKENDS } from './reference/backends.js';

afterAll(async () => {
  await initBackend('cpu');
});

describe.each(BACKENDS)('tensor memory on %s', (backend) => {
  beforeAll(async () => {
    await initBackend(backend);
  });

  it.each(ACTIVATION_NAMES)(
    'forward inside tf.tidy and predict leave no tensors (%s)',
    (activation) => {
      const mlp = createMlp({ ...NOTEBOOK_MLP, activation }, new SeededRandom(1));
      const before = countTensors();
      tf.tidy(() => {
        mlp.forward(tf.tensor2d([1, 2, 3, 4], [4, 1]) as Tensor2D);
      });
      mlp.predict([0.1, 0.2, 0.3]);
      tf.tidy(() => {
        const grads = tf.variableGrads(
          () => tf.sum(mlp.forward(tf.ones([5, 1]) as Tensor2D)) as tf.Scalar,
          mlp.trainableVariables,
        );
        tf.dispose(grads.grads);
      });
      mlp.getWeights();
      mlp.setWeights(mlp.getWeights());
      expect(countTensors()).toBe(before);
      mlp.dispose();
    },
  );

  it('frees the variables on dispose, and round-tripping leaks nothing', async () => {
    const before = countTensors();
    const mlp = createMlp(NOTEBOOK_MLP, new SeededRandom(1));
    expect(countTensors()).toBe(before + 8); // a kernel and a bias per layer
    const loaded = fromArtifacts(await toArtifacts(mlp));
    expect(countTensors()).toBe(before + 16);
    mlp.dispose();
    loaded.dispose();
    mlp.dispose(); // a second call does nothing
    expect(countTensors()).toBe(before);
    expect(mlp.isDisposed).toBe(true);
    expect(mlp.trainableVariables.every((variable) => variable.isDisposed)).toBe(true);
    expect(() => mlp.predict([1])).toThrow(EpochlabError);
  });
});
