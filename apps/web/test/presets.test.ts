import { defaultConfig, RUNNABLE_EXPERIMENTS } from '@epochlab/experiments';
import { describe, expect, it } from 'vitest';
import { formConfig, isExperimentName } from '../src/state/field-validation.js';
import { PRESETS } from '../src/state/presets.js';

describe('presets', () => {
  it('are valid configs; the scenes follow the notebook', () => {
    const byId = new Map(
      PRESETS.map((preset) => {
        const { experiment } = preset.config;
        if (!isExperimentName(experiment)) throw new Error(`${preset.id}: ${experiment}`);
        return [preset.id, formConfig(experiment, preset.config)];
      }),
    );
    const experiments = RUNNABLE_EXPERIMENTS.map((experiment) => experiment.name);
    expect([...byId.keys()]).toEqual(['scene1', 'scene2', 'scene3', ...experiments]);
    // Scene 1: the line through a DataLoader, no validation set.
    expect(byId.get('scene1')).toEqual({ ...defaultConfig('line'), valN: 0 });
    // Scene 2: the notebook's defaults, 5 + 5 points, validation every 10 epochs.
    expect(byId.get('scene2')).toEqual(defaultConfig('line'));
    // Scene 3: more data, everything else the same but a shorter run.
    expect(byId.get('scene3')).toMatchObject({ n: 50, valN: 50, batchSize: 5, valEvery: 10 });
    // Then every experiment of the list with its defaults.
    for (const experiment of RUNNABLE_EXPERIMENTS) {
      expect(byId.get(experiment.name)).toEqual(experiment.defaults());
    }
  });
});
