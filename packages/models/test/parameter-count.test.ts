import { initBackend, SeededRandom } from '@epochlab/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { countMlpParameters, createMlp, type MlpSpec, NOTEBOOK_MLP } from '../src/index.js';

beforeAll(async () => {
  await initBackend('cpu');
});

describe('parameter count', () => {
  it('is 405 for the notebook MLP 1-12-12-16-1, as PyTorch prints it', () => {
    // Hand formula: each Linear(in, out) holds in*out weights and out biases.
    const byHand = 1 * 12 + 12 + (12 * 12 + 12) + (12 * 16 + 16) + (16 * 1 + 1);
    expect(byHand).toBe(405);
    expect(countMlpParameters(NOTEBOOK_MLP)).toBe(405);
    const mlp = createMlp(NOTEBOOK_MLP, new SeededRandom(0));
    expect(mlp.parameterCount).toBe(405);
    expect(mlp.getWeights().reduce((sum, values) => sum + values.length, 0)).toBe(405);
    mlp.dispose();
  });

  it('agrees with the built model for random specs', () => {
    const random = new SeededRandom(2025).stream('specs');
    for (let trial = 0; trial < 25; trial++) {
      const spec: MlpSpec = {
        inputSize: random.integer(1, 9),
        hiddenSizes: Array.from({ length: random.integer(1, 5) }, () => random.integer(1, 33)),
        outputSize: random.integer(1, 5),
      };
      const mlp = createMlp(spec, random.stream(`init-${trial}`));
      const stored = mlp.trainableVariables.reduce((sum, variable) => sum + variable.size, 0);
      expect(countMlpParameters(spec)).toBe(stored);
      expect(mlp.parameterCount).toBe(stored);
      mlp.dispose();
    }
  });
});
