import { defaultConfig, parseExperimentConfig } from '@epochlab/experiments';
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
      problem: 'must be a whole number from 1 to 1000000',
    });
    expect(state.problems.find((p) => p.key === 'activation')?.problem).toContain('leakyRelu');
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
