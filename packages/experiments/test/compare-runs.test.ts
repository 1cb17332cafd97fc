import { describe, expect, it } from 'vitest';
import { type ComparedRun, compareRuns, configDifferences, defaultConfig } from '../src/index.js';

function run(
  label: string,
  changes: Record<string, unknown>,
  epochsRun: number,
  withVal = true,
): ComparedRun {
  const config = { ...defaultConfig('line'), ...changes } as ComparedRun['config'];
  return {
    label,
    config,
    summary: {
      status: 'completed',
      epochs: epochsRun,
      epochsRun,
      finalTrainLoss: 0.2,
      finalValLoss: withVal ? 0.5 : null,
      bestValLoss: withVal ? 0.4 : null,
      bestValEpoch: withVal ? 10 : null,
      seconds: 1,
    },
    history: {
      train: [{ epoch: 0, loss: 0.2 }],
      val: withVal ? [{ epoch: 0, loss: 0.5 }] : [],
    },
  };
}

describe('configDifferences', () => {
  it('lists only the fields that differ, in form order, as text', () => {
    const line = defaultConfig('line');
    expect(
      configDifferences([
        { ...line, lr: 0.01, hidden: [12, 12, 16] },
        { ...line, lr: 0.1, hidden: [12, 12, 16] },
        { ...line, lr: 0.01, hidden: [32, 32] },
      ]),
    ).toEqual([
      { field: 'hidden', values: ['12,12,16', '12,12,16', '32,32'] },
      { field: 'lr', values: ['0.01', '0.1', '0.01'] },
    ]);
  });

  it('gives null where an experiment has no such field', () => {
    const differences = configDifferences([defaultConfig('line'), defaultConfig('sine')]);
    expect(differences[0]).toEqual({ field: 'experiment', values: ['line', 'sine'] });
    expect(differences.find((d) => d.field === 'slope')?.values).toEqual(['1', null]);
  });

  it('finds nothing between equal configs', () => {
    expect(configDifferences([defaultConfig('line'), defaultConfig('line')])).toEqual([]);
  });
});

describe('compareRuns', () => {
  it('runs with the same data and length leave nothing out', () => {
    const comparison = compareRuns([run('a', { lr: 0.01 }, 50), run('b', { lr: 0.1 }, 50)]);
    expect(comparison.sameData).toBe(true);
    expect(comparison.leftOut).toEqual([]);
    expect(comparison.labels).toEqual(['a', 'b']);
    expect(comparison.outcomes.map((outcome) => outcome.bestValLoss)).toEqual([0.4, 0.4]);
  });

  it('says which data fields differ, which lengths, and which runs lack validation', () => {
    const comparison = compareRuns([
      run('a', { seed: 1 }, 50),
      run('b', { seed: 2, valN: 0 }, 80, false),
    ]);
    expect(comparison.sameData).toBe(false);
    expect(comparison.leftOut).toEqual([
      'fit chart: the runs drew different points (valN, seed differ), so their models are not drawn over one set of points',
      "loss curves: the runs have different lengths (50, 80 epochs run); each curve ends at its run's last epoch and final losses are not at the same epoch",
      'validation: b has no validation loss, so no validation curve or best epoch',
    ]);
  });
});
