import { parseExperimentConfig } from '@epochlab/experiments';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../src/i18n/messages.js';
import { LESSON_MESSAGES } from '../src/lesson/lesson-messages.js';
import { LESSON_STEPS } from '../src/lesson/lesson-steps.js';
import { lessonFromSearch } from '../src/ui/lesson-panel.js';

describe('the lesson', () => {
  it.each(LOCALES)(
    'has every step in %s, each with a title, a text and what to look for',
    (locale) => {
      for (const step of LESSON_STEPS) {
        const words = LESSON_MESSAGES[locale].steps[step.id];
        expect(words?.title, step.id).toBeTruthy();
        expect(words?.text, step.id).toBeTruthy();
        expect(words?.lookFor, step.id).toBeTruthy();
      }
      expect(Object.keys(LESSON_MESSAGES[locale].steps).sort()).toEqual(
        LESSON_STEPS.map((s) => s.id).sort(),
      );
    },
  );

  it("follows the notebook's order, each step a valid run or a link on", () => {
    expect(LESSON_STEPS.map((s) => s.id)).toEqual([
      'data',
      'model',
      'training',
      'validation',
      'best-epoch',
      'more-data',
      'batch-size',
      'lab',
    ]);
    for (const step of LESSON_STEPS) {
      if (step.config) expect(() => parseExperimentConfig(step.config)).not.toThrow();
      else expect(step.link).toBe('?experiment=batch-size');
    }
  });

  it('reads the step and the hidden state from a link', () => {
    expect(lessonFromSearch('?lesson=3')).toEqual({ step: 2, hidden: false });
    expect(lessonFromSearch('?lesson=off')).toEqual({ step: 0, hidden: true });
    expect(lessonFromSearch('')).toEqual({ step: 0, hidden: false });
    expect(lessonFromSearch('?lesson=99')).toEqual({ step: 0, hidden: false });
    expect(lessonFromSearch('?lesson=abc')).toEqual({ step: 0, hidden: false });
  });
});
