import {
  defaultConfig,
  type ExperimentConfig,
  FIT_EXPERIMENTS,
  parseExperimentConfig,
} from '@epochlab/experiments';
import { describe, expect, it } from 'vitest';
import { readUrlState, writeUrlState } from '../src/state/url-state.js';

describe('URL state', () => {
  it('round-trips a line config with every field changed, and the backend', () => {
    const config = parseExperimentConfig({
      experiment: 'line',
      slope: -2.5,
      intercept: 0.125,
      n: 7,
      valN: 0,
      sigma: 0,
      range: 3,
      hidden: [4, 8],
      activation: 'tanh',
      init: 'glorot',
      loss: 'mse',
      optimizer: 'adam',
      lr: 0.01,
      momentum: 0.5,
      batchSize: 2,
      shuffle: false,
      epochs: 123,
      valEvery: 7,
      seed: 4294967295,
    });
    const query = writeUrlState(config, 'wasm');
    const back = readUrlState(query);
    expect(back.problems).toEqual([]);
    expect(back.backend).toBe('wasm');
    expect(back.config).toEqual(config);
  });

  it('round-trips a polynomial config and uses the CLI flag names', () => {
    const config = parseExperimentConfig({
      experiment: 'polynomial',
      coefficients: [1e-7, -3, 0.5],
      batchSize: 3,
    });
    const query = writeUrlState(config, 'cpu');
    const params = new URLSearchParams(query);
    expect(params.get('coefficients')).toBe('1e-7,-3,0.5');
    expect(params.get('batch-size')).toBe('3');
    expect(params.has('slope')).toBe(false); // not a polynomial field
    expect(readUrlState(query).config).toEqual(config);
  });

  it('an empty query gives the notebook line experiment on auto', () => {
    const state = readUrlState('');
    expect(state.config).toEqual(defaultConfig('line'));
    expect(state.backend).toBe('auto');
    expect(state.problems).toEqual([]);
  });

  it('reports each bad value and defaults that field only', () => {
    const state = readUrlState(
      '?experiment=line&epochs=200&batch-size=0&lr=abc&hidden=12,x&shuffle=maybe&seed=3&activation=gelu',
    );
    const defaults = defaultConfig('line');
    expect(state.config.epochs).toBe(200);
    expect(state.config.seed).toBe(3);
    expect(state.config.batchSize).toBe(defaults.batchSize);
    expect(state.config.lr).toBe(defaults.lr);
    expect(state.config.hidden).toEqual(defaults.hidden);
    expect(state.config.shuffle).toBe(defaults.shuffle);
    expect(state.config.activation).toBe(defaults.activation);
    expect(state.problems.map((p) => p.key).sort()).toEqual(
      ['activation', 'batchSize', 'hidden', 'lr', 'shuffle'].sort(),
    );
    const batch = state.problems.find((p) => p.key === 'batchSize');
    expect(batch).toEqual({
      key: 'batchSize',
      text: '0',
      problem: { code: 'wholeNumber', min: 1, max: 1000000 },
    });
    expect(state.problems.find((p) => p.key === 'activation')?.problem).toMatchObject({
      code: 'oneOf',
      choices: expect.arrayContaining(['leakyRelu']),
    });
  });

  it('reports an unknown experiment or backend and falls back to line and auto', () => {
    const state = readUrlState('?experiment=circle&backend=tpu&epochs=50');
    expect(state.config.experiment).toBe('line');
    expect(state.config.epochs).toBe(50);
    expect(state.backend).toBe('auto');
    expect(state.problems.map((p) => p.key)).toEqual(['experiment', 'backend']);
  });

  it('rejects text the CLI would reject (hex, empty, Infinity) rather than guessing', () => {
    const state = readUrlState('?epochs=0x10&sigma=&lr=Infinity');
    expect(state.problems.map((p) => p.key)).toEqual(['sigma', 'lr', 'epochs']);
    expect(state.config.epochs).toBe(20000);
  });
});

describe.each(FIT_EXPERIMENTS)('URL state of the $name experiment', (experiment) => {
  it('round-trips its config with its own fields, seed and training path changed', () => {
    const defaults = experiment.defaults() as Record<string, unknown>;
    const changed: Record<string, unknown> = { ...defaults, seed: 17, epochs: 99 };
    changed.trainingPath = 'generic';
    for (const field of experiment.ownFields) {
      // A finite number with no upper bound takes any nearby value.
      if (field.kind === 'number' && field.bounds === undefined) {
        changed[field.key] = (defaults[field.key] as number) + 0.25;
      }
    }
    const config = parseExperimentConfig(changed);
    const back = readUrlState(writeUrlState(config as ExperimentConfig, 'cpu'));
    expect(back.problems).toEqual([]);
    expect(back.config.experiment).toBe(experiment.name);
    expect(back.config).toEqual(config);
  });
});
