import { parseExperimentConfig } from '@epochlab/experiments';
import { describe, expect, it } from 'vitest';
import { matchesPreset } from '../src/state/presets.js';
import { changesData } from '../src/state/run-data-fields.js';

const line = parseExperimentConfig({ experiment: 'line' });

describe('changesData', () => {
  it('is true for the data fields and another experiment, false for model and training fields', () => {
    expect(changesData(line, { ...line, n: 6 })).toBe(true);
    expect(changesData(line, { ...line, seed: 1 })).toBe(true);
    expect(changesData(line, { ...line, sigma: 0.5 })).toBe(true);
    expect(changesData(line, parseExperimentConfig({ experiment: 'sine' }))).toBe(true);
    expect(changesData(line, { ...line, lr: 0.01 })).toBe(false);
    expect(changesData(line, { ...line, hidden: [4] })).toBe(false);
    expect(changesData(line, { ...line, epochs: 10 })).toBe(false);
  });
});

describe('matchesPreset', () => {
  it('matches a preset until one of its fields changes', () => {
    const scene3 = parseExperimentConfig({ experiment: 'line', n: 50, valN: 50, epochs: 5000 });
    expect(matchesPreset('scene3', scene3)).toBe(true);
    expect(matchesPreset('scene3', { ...scene3, epochs: 6000 })).toBe(false);
    expect(matchesPreset('', scene3)).toBe(false);
    expect(matchesPreset('no-such-preset', scene3)).toBe(false);
  });
});
