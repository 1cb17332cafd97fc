import { CONFIG_FIELDS } from '@epochlab/experiments';
import { describe, expect, it } from 'vitest';
import { fill, MESSAGES, pickLocale } from '../src/i18n/messages.js';
import { translateProblem } from '../src/i18n/translate-problem.js';
import { checkField } from '../src/state/field-validation.js';

/** Texts that break each kind of field in every way the schema distinguishes. */
const BAD_TEXTS = ['abc', '-1', '0', '1.5', '99999999999', '', '1,x', 'maybe', '20'];

describe('translateProblem', () => {
  it('has Spanish for every message the shared schema gives', () => {
    const problems = new Set<string>();
    for (const experiment of ['line', 'polynomial'] as const) {
      for (const field of CONFIG_FIELDS) {
        if (field.experiments && !field.experiments.includes(experiment)) continue;
        const texts = [...BAD_TEXTS, Array(17).fill('4').join(','), Array(12).fill('1').join(',')];
        for (const text of texts) {
          const problem = checkField(experiment, field, text);
          if (problem !== undefined) problems.add(problem);
        }
      }
    }
    expect(problems.size).toBeGreaterThan(8);
    for (const problem of problems) {
      const spanish = translateProblem(problem, 'es');
      expect(spanish, problem).toMatch(/^debe /);
    }
    expect(translateProblem('must be a whole number from 1 to 1000000', 'es')).toBe(
      'debe ser un número entero de 1 a 1000000',
    );
    expect(translateProblem('must be a whole number from 1 to 1000000', 'en')).toBe(
      'must be a whole number from 1 to 1000000',
    );
    expect(translateProblem('something new', 'es')).toBe('something new');
  });
});

describe('messages', () => {
  it('English and Spanish have the same keys and no empty texts', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
        : [prefix];
    const en = keys(MESSAGES.en).filter((k) => !k.startsWith('fieldHelp.'));
    const es = keys(MESSAGES.es).filter((k) => !k.startsWith('fieldHelp.'));
    expect(es.sort()).toEqual(en.sort());
    for (const field of CONFIG_FIELDS) {
      expect(MESSAGES.es.fieldLabels[field.key], field.key).toBeTruthy();
      expect(MESSAGES.es.fieldHelp[field.key], field.key).toBeTruthy();
      expect(MESSAGES.en.fieldLabels[field.key], field.key).toBeTruthy();
    }
  });

  it('picks the URL language, else the first English or Spanish browser language', () => {
    expect(pickLocale('es', ['en-US'])).toBe('es');
    expect(pickLocale('fr', ['fr-FR', 'es-MX', 'en'])).toBe('es');
    expect(pickLocale(null, ['de-DE'])).toBe('en');
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(fill('Epoch {epoch} / {epochs} {x}', { epoch: 3, epochs: '10' })).toBe(
      'Epoch 3 / 10 {x}',
    );
  });
});
