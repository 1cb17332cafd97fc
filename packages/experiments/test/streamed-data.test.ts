import { type RowStream, RowStreamLoader } from '@epochlab/data';
import { countTensors, initBackend } from '@epochlab/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, runStreamedDataExperiment } from '../src/index.js';

/** 40 rows of y = 2x in blocks of 7, the same order every epoch. */
const stream: RowStream = {
  length: 40,
  inputSize: 1,
  targetSize: 1,
  *blocks() {
    for (let start = 0; start < 40; start += 7) {
      const rows = Math.min(7, 40 - start);
      const inputs = Float32Array.from({ length: rows }, (_, k) => (start + k) / 40);
      yield { rows, inputs, targets: inputs.map((x) => 2 * x) };
    }
  },
};

const data = {
  train: new RowStreamLoader(stream, { batchSize: 8 }),
  validation: undefined,
  rowsUsed: { train: 40, validation: 0 },
  scaling: undefined,
  sample: { train: { x: [0, 0.5], y: [0, 1] }, validation: undefined },
};

describe('runStreamedDataExperiment', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  it('trains on streamed batches, 5 steps an epoch, and leaks no tensor', async () => {
    const before = countTensors();
    const result = await runStreamedDataExperiment(
      { experiment: 'data', epochs: 3, batchSize: 8, valFraction: 0 },
      data,
      { backend: 'cpu' },
    );
    result.model.dispose();
    expect(result.status).toBe('completed');
    expect(result.history.train).toHaveLength(3);
    expect(result.data.rowsUsed.train).toBe(40);
    expect(result.config.points).toBeUndefined();
    expect(countTensors()).toBe(before);
  });

  it('refuses a batch larger than the streamed training rows', async () => {
    await expect(
      runStreamedDataExperiment({ experiment: 'data', batchSize: 41 }, data, { backend: 'cpu' }),
    ).rejects.toSatisfy((error) => ConfigError.isInstance(error));
  });
});
