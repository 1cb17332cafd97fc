import { SeededRandom } from '@epochlab/tensor';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  EXPERIMENTS,
  type ExperimentConfig,
  type ExperimentDefinition,
  FIT_EXPERIMENTS,
  formatFieldValue,
  generateExperimentData,
  parseFieldText,
  problemText,
} from '../src/index.js';

/** A value no field accepts: text that is not a number, a list, a name or a boolean. */
const NONSENSE = '@@';

describe.each(EXPERIMENTS)('the $name experiment', (experiment) => {
  // The data experiment's points are data, not fields: every config holds them.
  const dataKeys: readonly string[] = experiment.kind === 'given' ? experiment.dataKeys : [];
  const base = {
    experiment: experiment.name,
    ...(experiment.kind === 'given' ? experiment.exampleData : {}),
  };

  it('declares every field of its config once, each with a flag, group and help', () => {
    const defaults = experiment.defaults() as Record<string, unknown>;
    const keys = Object.keys(defaults).filter(
      (key) => key !== 'experiment' && !dataKeys.includes(key),
    );
    expect(experiment.fields.map((field) => field.key)).toEqual(keys);
    const flags = experiment.fields.map((field) => field.flag);
    expect(new Set(flags).size).toBe(flags.length);
    for (const field of experiment.fields) {
      expect(field.flag).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(field.help.length).toBeGreaterThan(3);
      if (field.kind === 'choice') expect(field.choices).toContain(defaults[field.key]);
    }
    expect(defaults.experiment).toBe(experiment.name);
    expect(experiment.description.length).toBeGreaterThan(10);
  });

  it("round-trips every default through its flag's text", () => {
    const defaults = experiment.defaults() as Record<string, unknown>;
    for (const field of experiment.fields) {
      const text = formatFieldValue(defaults[field.key]);
      expect(parseFieldText(field, text), field.key).toEqual(defaults[field.key]);
    }
    const texts = Object.fromEntries(
      experiment.fields.map((field) => [
        field.key,
        parseFieldText(field, formatFieldValue(defaults[field.key])),
      ]),
    );
    expect(experiment.parse({ ...base, ...texts })).toEqual(defaults);
  });

  it('rejects nonsense in every field with a coded problem naming the field', () => {
    for (const field of experiment.fields) {
      const attempt = () =>
        experiment.parse({ ...base, [field.key]: parseFieldText(field, NONSENSE) });
      expect(attempt, field.key).toThrowError(ConfigError);
      try {
        attempt();
      } catch (error) {
        const issue = (error as ConfigError).issues[0];
        expect(issue?.field.startsWith(field.key), field.key).toBe(true);
        expect(issue?.problem.code).not.toBe('invalid');
        expect(problemText(issue?.problem ?? { code: 'invalid' })).toMatch(/^must /);
      }
    }
  });

  it('rejects a field it does not have', () => {
    expect(() => experiment.parse({ ...base, colour: 'red' })).toThrowError(
      `colour is not a field of the ${experiment.title}`,
    );
  });
});

describe.each(FIT_EXPERIMENTS as readonly ExperimentDefinition<string, ExperimentConfig>[])(
  'the data of the $name experiment',
  (experiment) => {
    it('lies around its true function: the same draws for the same seed', () => {
      const config = experiment.parse({ experiment: experiment.name, n: 200, sigma: 0 });
      const truth = experiment.truth(config);
      const data = generateExperimentData(config, new SeededRandom(3));
      // With sigma 0 the points are on the curve exactly.
      for (let i = 0; i < data.train.x.length; i++) {
        expect(data.train.y[i]).toBe(truth(data.train.x[i] as number));
      }
      expect(data.train.x.every((x) => Math.abs(x) <= config.range)).toBe(true);
      expect(experiment.caption(config).startsWith(`${experiment.name} `)).toBe(true);
      const again = generateExperimentData(config, new SeededRandom(3));
      expect(again.train.y).toEqual(data.train.y);
      expect(again.validation?.x).toEqual(data.validation?.x);
    });
  },
);
