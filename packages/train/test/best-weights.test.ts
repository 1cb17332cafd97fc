import { initBackend, tf } from '@epochlab/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainModel } from '../src/index.js';
import { expectInvalid } from './helpers/expect-invalid.js';
import { notebookSetup } from './helpers/notebook-setup.js';
import { TRAINING_PATHS } from './helpers/training-paths.js';

beforeAll(async () => {
  await initBackend('cpu');
});

const common = {
  loss: 'l1',
  optimizer: { name: 'sgd', learningRate: 1e-2 },
  validationInterval: 10,
} as const;

describe.each(TRAINING_PATHS)('keepBestWeights ($name path)', (path) => {
  it('keeps the weights of the lowest validation loss: those of a run stopped at that epoch', async () => {
    const full = notebookSetup(2);
    const before = tf.memory().numTensors;
    const result = await trainModel({
      ...common,
      trainingPath: path.option,
      model: full.model,
      train: full.train,
      validation: full.validation,
      epochs: 1200,
      keepBestWeights: true,
    });
    expect(tf.memory().numTensors).toBe(before);
    const finalWeights = full.model.getWeights();
    full.dispose();

    const best = result.bestWeights;
    expect(best?.epoch).toBe(result.summary.bestValidationEpoch);
    expect(best?.loss).toBe(result.summary.bestValidationLoss);
    // The notebook's overfitting: the best epoch comes well before the end.
    expect(best?.epoch).toBeLessThan(1100);

    // The same seed stopped after the best epoch: the same weights, bit for bit.
    const stopped = notebookSetup(2);
    await trainModel({
      ...common,
      trainingPath: path.option,
      model: stopped.model,
      train: stopped.train,
      validation: stopped.validation,
      epochs: (best?.epoch as number) + 1,
    });
    const stoppedWeights = stopped.model.getWeights();
    stopped.dispose();
    expect(best?.values).toEqual(stoppedWeights);
    expect(best?.values).not.toEqual(finalWeights);
  });
});

describe('keepBestWeights options', () => {
  it('is absent unless asked for', async () => {
    const setup = notebookSetup(1);
    const result = await trainModel({
      ...common,
      model: setup.model,
      train: setup.train,
      validation: setup.validation,
      epochs: 20,
    });
    setup.dispose();
    expect(result.bestWeights).toBeUndefined();
  });

  it('needs a validation source', async () => {
    const setup = notebookSetup(1);
    await expectInvalid(
      () =>
        trainModel({
          ...common,
          model: setup.model,
          train: setup.train,
          epochs: 5,
          keepBestWeights: true,
        }),
      'keepBestWeights',
    );
    setup.dispose();
  });
});
