import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  defaultConfig,
  FIT_EXPERIMENTS,
  formatFieldValue,
  lineExperiment,
  parseExperimentConfig,
  parseFieldText,
} from '../src/index.js';

describe('experiment config', () => {
  it("defaults to the notebook's line experiment", () => {
    // The notebook: get_data_from_a_line(1, 0, 5, sigma=0.2, range=1) for training and again for
    // validation; Linear(1,12)-(12,12)-(12,16)-(16,1) with LeakyReLU; L1Loss; SGD lr 1e-3;
    // batch_size 5, shuffle=True; 20000 epochs; validation when epoch % 10 == 0.
    expect(defaultConfig('line')).toEqual({
      experiment: 'line',
      slope: 1,
      intercept: 0,
      seed: 0,
      n: 5,
      valN: 5,
      sigma: 0.2,
      range: 1,
      hidden: [12, 12, 16],
      activation: 'leakyRelu',
      init: 'pytorch',
      loss: 'l1',
      optimizer: 'sgd',
      lr: 0.001,
      momentum: 0,
      batchSize: 5,
      shuffle: true,
      epochs: 20000,
      valEvery: 10,
      trainingPath: 'auto',
      // Keras's EarlyStopping defaults: off, min_delta 0, restore_best_weights False.
      earlyStopping: false,
      patience: 3000,
      minDelta: 0,
      restoreBest: false,
    });
  });

  it('gives the polynomial experiment coefficients [2, 1, 0] and the same other defaults', () => {
    const { coefficients, experiment, ...rest } = defaultConfig('polynomial') as ReturnType<
      typeof defaultConfig
    > & { coefficients: number[] };
    expect(experiment).toBe('polynomial');
    expect(coefficients).toEqual([2, 1, 0]);
    const {
      slope,
      intercept,
      experiment: _line,
      ...lineRest
    } = defaultConfig('line') as Record<string, unknown>;
    expect(rest).toEqual(lineRest);
    expect([slope, intercept]).toEqual([1, 0]);
  });

  it('keeps the given values and fills in the rest', () => {
    const config = parseExperimentConfig({ experiment: 'line', epochs: 100, valN: 0, seed: 7 });
    expect(config.epochs).toBe(100);
    expect(config.valN).toBe(0);
    expect(config.seed).toBe(7);
    expect(config.batchSize).toBe(5);
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['batchSize 0', { batchSize: 0 }, 'batchSize must be a whole number from 1 to 1000000; got 0'],
    [
      'batchSize 2.5',
      { batchSize: 2.5 },
      'batchSize must be a whole number from 1 to 1000000; got 2.5',
    ],
    ['epochs -1', { epochs: -1 }, 'epochs must be a whole number from 1 to 10000000; got -1'],
    ['lr 0', { lr: 0 }, 'lr must be a number > 0 and <= 10; got 0'],
    ['lr "abc"', { lr: 'abc' }, 'lr must be a number > 0 and <= 10; got "abc"'],
    ['sigma -1', { sigma: -1 }, 'sigma must be a number >= 0; got -1'],
    ['range 0', { range: 0 }, 'range must be a number > 0; got 0'],
    ['n 0', { n: 0 }, 'n must be a whole number from 1 to 1000000; got 0'],
    ['valEvery 0', { valEvery: 0 }, 'valEvery must be a whole number from 1 to 10000000; got 0'],
    [
      'hidden [12, 0]',
      { hidden: [12, 0] },
      'hidden[1] must be a whole number from 1 to 4096; got 0',
    ],
    ['hidden []', { hidden: [] }, 'hidden must list at least one hidden layer size; got []'],
    [
      'activation',
      { activation: 'gelu' },
      'activation must be one of leakyRelu, relu, tanh, sigmoid, linear; got "gelu"',
    ],
    ['loss', { loss: 'hinge' }, 'loss must be one of l1, mse, huber; got "hinge"'],
    [
      'optimizer',
      { optimizer: 'lbfgs' },
      'optimizer must be one of sgd, adam, rmsprop; got "lbfgs"',
    ],
    [
      'momentum 1',
      { momentum: 1 },
      'momentum must be a number from 0 up to (not including) 1; got 1',
    ],
    ['seed -1', { seed: -1 }, 'seed must be a whole number from 0 to 4294967295; got -1'],
    ['patience 0', { patience: 0 }, 'patience must be a whole number from 1 to 10000000; got 0'],
    ['minDelta -0.1', { minDelta: -0.1 }, 'minDelta must be a number >= 0; got -0.1'],
    ['earlyStopping "yes"', { earlyStopping: 'yes' }, 'earlyStopping must be true or false'],
    [
      'early stopping without validation points',
      { earlyStopping: true, valN: 0 },
      'earlyStopping needs validation points: set val-n to 1 or more, or turn early stopping off; got true',
    ],
    ['an unknown field', { colour: 'red' }, 'colour is not a field of the line experiment'],
    [
      'a polynomial field',
      { coefficients: [1, 2] },
      'coefficients is not a field of the line experiment',
    ],
  ];
  it.each(bad)('rejects %s, naming the field and what is allowed', (_, fields, message) => {
    const attempt = () => parseExperimentConfig({ experiment: 'line', ...fields });
    expect(attempt).toThrowError(ConfigError);
    expect(attempt).toThrowError(message);
  });

  it('rejects bad polynomial coefficients', () => {
    expect(() =>
      parseExperimentConfig({ experiment: 'polynomial', coefficients: [] }),
    ).toThrowError('coefficients must hold at least one coefficient, such as 2,1,0; got []');
    expect(() =>
      parseExperimentConfig({
        experiment: 'polynomial',
        coefficients: [1, Number.POSITIVE_INFINITY],
      }),
    ).toThrowError(/^coefficients\[1\] must be a list of finite numbers/);
  });

  it('rejects an unknown or missing experiment and a config that is not an object', () => {
    const names = FIT_EXPERIMENTS.map((experiment) => experiment.name).join(', ');
    expect(names).toMatch(/^line, polynomial/);
    expect(() => parseExperimentConfig({ experiment: 'circle' })).toThrowError(
      `experiment must be one of ${names}; got "circle"`,
    );
    expect(() => parseExperimentConfig({})).toThrowError(`experiment must be one of ${names}`);
    expect(() => parseExperimentConfig([1])).toThrowError(/config must be an object/);
  });

  it('lists every problem, and counts the others in the message', () => {
    try {
      parseExperimentConfig({ experiment: 'line', epochs: 0, lr: -1, batchSize: 0 });
      expect.unreachable();
    } catch (error) {
      const config = error as ConfigError;
      expect(config.issues.map((issue) => issue.field).sort()).toEqual([
        'batchSize',
        'epochs',
        'lr',
      ]);
      expect(config.message).toMatch(/\(and 2 more problems\)$/);
    }
  });
});

describe('config fields', () => {
  it('parse flag and URL text into values, leaving bad text for the schema to report', () => {
    const field = (key: string) =>
      lineExperiment.fields.find((candidate) => candidate.key === key) ?? expect.unreachable();
    expect(parseFieldText(field('lr'), '1e-3')).toBe(0.001);
    expect(parseFieldText(field('lr'), 'abc')).toBe('abc');
    expect(parseFieldText(field('epochs'), '')).toBe('');
    expect(parseFieldText(field('epochs'), '0x10')).toBe('0x10');
    expect(parseFieldText(field('hidden'), '2,1,0')).toEqual([2, 1, 0]);
    expect(parseFieldText(field('hidden'), '')).toEqual([]);
    expect(parseFieldText(field('hidden'), '12,x')).toBe('12,x');
    expect(parseFieldText(field('shuffle'), 'false')).toBe(false);
    expect(parseFieldText(field('activation'), ' relu ')).toBe('relu');
    expect(formatFieldValue([12, 12, 16])).toBe('12,12,16');
    for (const key of ['lr', 'hidden', 'shuffle', 'epochs']) {
      const value = defaultConfig('line')[key as 'lr'];
      expect(parseFieldText(field(key), formatFieldValue(value))).toEqual(value);
    }
  });
});
