import type { ExperimentSummary } from '@epochlab/experiments';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../src/i18n/messages.js';
import { pluralForm } from '../src/i18n/plural-text.js';
import { LAB_MESSAGES } from '../src/lab/lab-messages.js';
import { MINIMA_MESSAGES } from '../src/minima/minima-messages.js';
import { countText } from '../src/ui/format.js';
import { type ProgressFacts, progressText } from '../src/ui/progress-text.js';

/** A finished run's facts: `epochsRun` epochs in `seconds`. */
function finished(status: string, epochsRun: number, seconds: number): ProgressFacts {
  const summary = {
    epochsRun,
    seconds,
    epochsPerSecond: epochsRun / seconds,
    divergedAtEpoch: null,
  } as unknown as ExperimentSummary;
  return {
    state: 'done',
    epochs: 20000,
    failed: false,
    nextEpoch: 0,
    latest: undefined,
    finished: { status, summary },
  };
}

describe('pluralForm', () => {
  it("picks the form by the language's plural rules, `other` for categories not given", () => {
    const text = { one: 'one', other: 'other' };
    // CLDR: English and Spanish say "one" for exactly 1 only; 0 and 1.5 are "other".
    expect([0, 1, 1.5, 2].map((n) => pluralForm(text, n, 'en'))).toEqual([
      'other',
      'one',
      'other',
      'other',
    ]);
    expect([0, 1, 2].map((n) => pluralForm(text, n, 'es'))).toEqual(['other', 'one', 'other']);
    // Spanish has a "many" category for a million (CLDR 42+); no form given, so `other`.
    expect(pluralForm(text, 1_000_000, 'es')).toBe('other');
  });
});

describe('progressText', () => {
  it('says one epoch in the singular and more in the plural, in both languages', () => {
    expect(progressText(finished('completed', 1, 0.5), MESSAGES.en)).toBe(
      'Done: 1 epoch in 0.5 s (2 epochs/s).',
    );
    expect(progressText(finished('completed', 2, 0.5), MESSAGES.en)).toBe(
      'Done: 2 epochs in 0.5 s (4 epochs/s).',
    );
    expect(progressText(finished('completed', 1, 0.5), MESSAGES.es)).toBe(
      'Terminado: 1 época en 0,5 s (2 épocas/s).',
    );
    expect(progressText(finished('stopped-early', 1, 1), MESSAGES.es)).toBe(
      'Parada temprana tras 1 época.',
    );
    expect(progressText(finished('aborted', 20000, 4), MESSAGES.es)).toBe(
      'Parado tras 20.000 épocas.',
    );
    expect(progressText(finished('aborted', 1, 1), MESSAGES.en)).toBe('Stopped after 1 epoch.');
  });

  it('says where the run is while it goes, and when it is paused', () => {
    const running: ProgressFacts = {
      state: 'running',
      epochs: 20000,
      failed: false,
      nextEpoch: 0,
      latest: { epoch: 9999, rate: 5000 },
      finished: undefined,
    };
    // 10000 epochs left at 5000 epochs/s: 2 s.
    expect(progressText(running, MESSAGES.en)).toBe(
      'Epoch 10,000 / 20,000 · 5,000 epochs/s · 2 s left',
    );
    expect(progressText({ ...running, state: 'paused', nextEpoch: 41 }, MESSAGES.es)).toBe(
      'En pausa antes de la época 42 / 20.000',
    );
    expect(progressText({ ...running, state: 'idle', failed: true }, MESSAGES.en)).toBe(
      MESSAGES.en.failedStatus,
    );
  });
});

describe('countText', () => {
  it('writes a count with its noun in the plural form it takes, for the lab and local minima', () => {
    expect(countText(LAB_MESSAGES.en.seedCount, 1, 'en')).toBe('1 seed');
    expect(countText(LAB_MESSAGES.en.seedCount, 8, 'en')).toBe('8 seeds');
    expect(countText(LAB_MESSAGES.es.seedCount, 1, 'es')).toBe('1 semilla');
    expect(countText(LAB_MESSAGES.es.batchSizeCount, 1, 'es')).toBe('1 tamaño de lote');
    expect(countText(LAB_MESSAGES.es.batchSizeCount, 3, 'es')).toBe('3 tamaños de lote');
    expect(MINIMA_MESSAGES.en.done(1, 1, '0.5')).toBe('Done: 1 cell × 1 run in 0.5 s');
    expect(MINIMA_MESSAGES.es.done(2, 1000, '3,1')).toBe(
      'Hecho: 2 celdas × 1.000 ejecuciones en 3,1 s',
    );
  });
});
