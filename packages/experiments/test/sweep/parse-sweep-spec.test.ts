import { describe, expect, it } from 'vitest';
import {
  FIT_EXPERIMENTS,
  lineExperiment,
  parseSweepSpec,
  SweepSpecError,
  sweepFileOf,
  sweepValuesFromText,
} from '../../src/index.js';

/** The message of the `SweepSpecError` that `action` throws. */
function refusal(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(SweepSpecError.isInstance(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected a SweepSpecError');
}

const field = (flag: string) => {
  const found = lineExperiment.fields.find((candidate) => candidate.flag === flag);
  if (found === undefined) throw new Error(`no field ${flag}`);
  return found;
};

describe('parseSweepSpec', () => {
  it('takes each field by key or flag, in the order given, with its values validated', () => {
    const spec = parseSweepSpec(
      { experiment: 'line', grid: { lr: [0.001, 0.01], 'batch-size': [1, 5] }, seeds: 8 },
      'flag',
    );
    expect(spec.axes).toEqual([
      { key: 'lr', flag: 'lr', values: [0.001, 0.01] },
      { key: 'batchSize', flag: 'batch-size', values: [1, 5] },
    ]);
    expect(spec.seeds).toBe(8);
    expect(spec.seed).toBe(0);
    expect(parseSweepSpec(sweepFileOf(spec))).toEqual(spec);
  });

  describe.each(FIT_EXPERIMENTS.map((experiment) => [experiment.name, experiment] as const))(
    'every field of %s joins a sweep',
    (_, experiment) => {
      const defaults = experiment.defaults() as Record<string, unknown>;
      const sweepable = experiment.fields.filter((f) => f.key !== 'seed');
      it.each(sweepable.map((f) => [f.flag, f] as const))('--%s', (_flag, f) => {
        const spec = parseSweepSpec({
          experiment: experiment.name,
          grid: { [f.key]: [defaults[f.key]] },
        });
        expect(spec.axes).toEqual([{ key: f.key, flag: f.flag, values: [defaults[f.key]] }]);
      });
    },
  );

  it('splits list fields by ";" and other fields by ","', () => {
    expect(sweepValuesFromText(field('hidden'), '12,12,16;32,32')).toEqual([
      [12, 12, 16],
      [32, 32],
    ]);
    expect(sweepValuesFromText(field('lr'), '1e-3,0.01')).toEqual([0.001, 0.01]);
    expect(sweepValuesFromText(field('shuffle'), 'true,false')).toEqual([true, false]);
    expect(sweepValuesFromText(field('lr'), '')).toEqual([]);
  });

  it('refuses an empty list, naming the flag and an example', () => {
    expect(refusal(() => parseSweepSpec({ experiment: 'line', grid: { lr: [] } }, 'flag'))).toBe(
      '--lr has an empty list; give at least one value, such as 0.001',
    );
  });

  it('refuses a field the experiment does not have, listing the ones it has', () => {
    const message = refusal(() =>
      parseSweepSpec({ experiment: 'line', grid: { coefficients: [[1, 0]] } }, 'flag'),
    );
    expect(message).toMatch(/^--coefficients is not a field of the line experiment; its fields: /);
    for (const f of lineExperiment.fields) expect(message).toContain(`--${f.flag}`);
  });

  it('refuses fields that cannot vary: experiment, and seed with more than one value', () => {
    expect(
      refusal(() =>
        parseSweepSpec({ experiment: 'line', grid: { experiment: ['line', 'sine'] } }, 'flag'),
      ),
    ).toMatch(/^--experiment cannot vary: a sweep runs one experiment/);
    expect(
      refusal(() => parseSweepSpec({ experiment: 'line', grid: { seed: [0, 1] } }, 'flag')),
    ).toMatch(/^--seed cannot vary: runs differ in seed through --seeds N/);
    expect(parseSweepSpec({ experiment: 'line', grid: { seed: [7] } }).seed).toBe(7);
  });

  it("refuses a value the field's own schema refuses, and a value given twice", () => {
    expect(
      refusal(() => parseSweepSpec({ experiment: 'line', grid: { lr: [0.01, 0] } }, 'flag')),
    ).toBe('--lr[1] must be a number > 0 and <= 10; got 0');
    expect(
      refusal(() => parseSweepSpec({ experiment: 'line', grid: { 'batch-size': [1, 1] } }, 'flag')),
    ).toBe('--batch-size lists 1 twice; give each value once');
  });

  it('refuses bad seeds, random and an experiment that is not a fit experiment', () => {
    expect(refusal(() => parseSweepSpec({ experiment: 'line', seeds: 0 }, 'flag'))).toBe(
      '--seeds must be a whole number from 1 to 1000; got 0',
    );
    expect(refusal(() => parseSweepSpec({ experiment: 'line', random: 'x' }, 'flag'))).toMatch(
      /^--random must be a whole number from 1 to/,
    );
    expect(refusal(() => parseSweepSpec({ experiment: 'batch-size' }))).toMatch(
      /^a sweep runs one of the experiments line, polynomial, sine/,
    );
  });
});
