import { problemText as cliText, RUNNABLE_EXPERIMENTS } from '@epochlab/experiments';
import { describe, expect, it } from 'vitest';
import { fill, LOCALES, MESSAGES, pickLocale } from '../src/i18n/messages.js';
import { problemText } from '../src/i18n/problem-text.js';
import { checkField } from '../src/state/field-validation.js';
import { PRESETS } from '../src/state/presets.js';

/** Texts that break each kind of field in every way the schema distinguishes. */
const BAD_TEXTS = ['abc', '-1', '0', '1.5', '99999999999', '', '1,x', 'maybe', '20'];

describe('problemText', () => {
  it('words every problem of every experiment: English as the CLI, Spanish by code', () => {
    const seen = new Map<string, ReturnType<typeof checkField>>();
    for (const experiment of RUNNABLE_EXPERIMENTS) {
      for (const field of experiment.fields) {
        const texts = [...BAD_TEXTS, Array(17).fill('4').join(','), Array(12).fill('1').join(',')];
        for (const text of texts) {
          const problem = checkField(experiment.name, field, text);
          if (problem !== undefined) seen.set(JSON.stringify(problem), problem);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(8);
    for (const problem of seen.values()) {
      if (problem === undefined) continue;
      expect(problem.code).not.toBe('invalid');
      expect(problemText(problem, 'en')).toBe(cliText(problem));
      expect(problemText(problem, 'es'), problem.code).toMatch(/^debe /);
    }
    const whole = { code: 'wholeNumber', min: 1, max: 1000000 } as const;
    expect(problemText(whole, 'es')).toBe('debe ser un número entero de 1 a 1000000');
    expect(problemText(whole, 'en')).toBe('must be a whole number from 1 to 1000000');
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
  });

  it.each(LOCALES)('name every experiment, field and preset of the list in %s', (locale) => {
    const m = MESSAGES[locale];
    for (const experiment of RUNNABLE_EXPERIMENTS) {
      expect(m.experiments[experiment.name], experiment.name).toBeTruthy();
      for (const field of experiment.fields) {
        expect(m.fieldLabels[field.key], field.key).toBeTruthy();
        // English help is the field's own; Spanish has its own line.
        if (locale === 'es') expect(m.fieldHelp[field.key], field.key).toBeTruthy();
      }
    }
    for (const preset of PRESETS) expect(m.presets[preset.id], preset.id).toBeTruthy();
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
