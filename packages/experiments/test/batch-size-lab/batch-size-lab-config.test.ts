import { describe, expect, it } from 'vitest';
import {
  BATCH_SIZE_LAB_FIELDS,
  batchSizeLabel,
  ConfigError,
  defaultBatchSizeLabConfig,
  formatFieldValue,
  parseBatchSizeLabConfig,
  parseFieldText,
  problemText,
  resolveBatchSize,
} from '../../src/index.js';

/** The issues of the ConfigError that parsing `fields` throws. */
function issuesOf(fields: Record<string, unknown>) {
  try {
    parseBatchSizeLabConfig({ experiment: 'batch-size', ...fields });
  } catch (error) {
    expect(ConfigError.isInstance(error)).toBe(true);
    // The problems as the CLI words them, next to their codes.
    return (error as ConfigError).issues.map((issue) => ({
      ...issue,
      text: problemText(issue.problem),
    }));
  }
  throw new Error(`no error for ${JSON.stringify(fields)}`);
}

describe('batch-size lab config', () => {
  it('defaults to batch sizes 1, 5, 25 and full on 100 points of the line, 8 seeds each', () => {
    expect(defaultBatchSizeLabConfig()).toEqual({
      experiment: 'batch-size',
      dataset: 'line',
      slope: 1,
      intercept: 0,
      coefficients: [2, 1, 0],
      seed: 0,
      n: 100,
      valN: 50,
      sigma: 0.2,
      range: 1,
      hidden: [12, 12, 16],
      activation: 'leakyRelu',
      init: 'pytorch',
      loss: 'l1',
      optimizer: 'sgd',
      lr: 0.02,
      momentum: 0,
      shuffle: true,
      epochs: 150,
      valEvery: 10,
      trainingPath: 'auto',
      batchSizes: [1, 5, 25, 'full'],
      seeds: 8,
      noiseEvery: 10,
      pathStart: [-1, -1.5],
      pathLr: 0.05,
      pathSteps: 200,
    });
  });

  it("resolves 'full' to n and labels it with n", () => {
    expect(resolveBatchSize('full', 100)).toBe(100);
    expect(resolveBatchSize(5, 100)).toBe(5);
    expect(batchSizeLabel('full', 100)).toBe('full (100)');
    expect(batchSizeLabel(25, 100)).toBe('25');
    const config = parseBatchSizeLabConfig({
      experiment: 'batch-size',
      n: 40,
      batchSizes: ['full', 40 - 1],
    });
    expect(config.batchSizes).toEqual(['full', 39]);
  });

  it('rejects a batch size larger than n, naming batchSizes and n', () => {
    const [issue] = issuesOf({ n: 20, batchSizes: [1, 50] });
    expect(issue?.field).toBe('batchSizes[1]');
    expect(issue?.text).toBe('must be at most n (20) or full');
    expect(issue?.value).toBe(50);
    expect(() =>
      parseBatchSizeLabConfig({ experiment: 'batch-size', n: 20, batchSizes: [50] }),
    ).toThrow('batchSizes[0] must be at most n (20) or full; got 50');
  });

  it("rejects sizes that repeat once 'full' is n", () => {
    const [issue] = issuesOf({ n: 25, batchSizes: [1, 25, 'full'] });
    expect(issue?.field).toBe('batchSizes[2]');
    expect(issue?.text).toContain('must not repeat a batch size');
    expect(issuesOf({ batchSizes: [5, 5] })[0]?.field).toBe('batchSizes[1]');
  });

  it('rejects bad batch sizes, lists and seeds', () => {
    for (const bad of [0, -1, 1.5, 'half', null]) {
      const [issue] = issuesOf({ batchSizes: [1, bad] });
      expect(issue?.field).toBe('batchSizes[1]');
      expect(issue?.text).toBe('must be a whole number >= 1 or full');
    }
    expect(issuesOf({ batchSizes: [] })[0]?.field).toBe('batchSizes');
    expect(issuesOf({ batchSizes: [1, 2, 3, 4, 5, 6, 7, 8, 9] })[0]?.field).toBe('batchSizes');
    expect(issuesOf({ batchSizes: '1,5' })[0]?.field).toBe('batchSizes');
    for (const seeds of [0, 65, 2.5, '8']) {
      const [issue] = issuesOf({ seeds });
      expect(issue?.field).toBe('seeds');
      expect(issue?.text).toBe('must be a whole number from 1 to 64');
    }
    expect(issuesOf({ seed: 0xffffffff, seeds: 2 })[0]?.field).toBe('seeds');
    expect(issuesOf({ seed: -1 })[0]?.field).toBe('seed');
    expect(issuesOf({ noiseEvery: 0 })[0]?.field).toBe('noiseEvery');
    expect(issuesOf({ pathStart: [1] })[0]?.field).toBe('pathStart');
    expect(issuesOf({ pathLr: 0 })[0]?.field).toBe('pathLr');
    expect(issuesOf({ pathSteps: 10_001 })[0]?.field).toBe('pathSteps');
    expect(issuesOf({ dataset: 'circle' })[0]?.field).toBe('dataset');
  });

  it('names unknown fields and the wrong experiment', () => {
    expect(issuesOf({ batchSize: 5 })[0]).toMatchObject({
      field: 'batchSize',
      problem: { code: 'unknownField', experiment: 'batch-size' },
      text: 'is not a field of the batch-size lab',
    });
    expect(() => parseBatchSizeLabConfig({ experiment: 'line' })).toThrow(
      'experiment must be batch-size',
    );
    expect(() => parseBatchSizeLabConfig(null)).toThrow(ConfigError);
  });

  it('offers every field but experiment as a flag, with batch sizes as text', () => {
    expect(BATCH_SIZE_LAB_FIELDS.map((field) => field.flag)).toEqual([
      'dataset',
      'slope',
      'intercept',
      'coefficients',
      'n',
      'val-n',
      'sigma',
      'range',
      'hidden',
      'activation',
      'init',
      'loss',
      'optimizer',
      'lr',
      'momentum',
      'shuffle',
      'epochs',
      'val-every',
      'seed',
      'training-path',
      'batch-sizes',
      'seeds',
      'noise-every',
      'path-start',
      'path-lr',
      'path-steps',
    ]);
    const keys = BATCH_SIZE_LAB_FIELDS.map((field) => field.key).sort();
    expect(keys).toEqual(
      Object.keys(defaultBatchSizeLabConfig())
        .filter((key) => key !== 'experiment')
        .sort(),
    );
    const sizes = BATCH_SIZE_LAB_FIELDS.find((field) => field.key === 'batchSizes');
    if (sizes === undefined) throw new Error('no batchSizes field');
    expect(sizes.kind).toBe('batchSizeList');
    expect(parseFieldText(sizes, '1,5,25,full')).toEqual([1, 5, 25, 'full']);
    expect(parseFieldText(sizes, ' 2, FULL ')).toEqual([2, 'full']);
    expect(parseFieldText(sizes, '1,half')).toBe('1,half');
    expect(formatFieldValue([1, 5, 25, 'full'])).toBe('1,5,25,full');
    // Text from a flag goes through the schema like any other value.
    const config = parseBatchSizeLabConfig({
      experiment: 'batch-size',
      batchSizes: parseFieldText(sizes, '2,10,full'),
    });
    expect(config.batchSizes).toEqual([2, 10, 'full']);
  });
});
