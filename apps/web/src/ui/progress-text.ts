import type { ExperimentSummary } from '@epochlab/experiments';
import { fill, type Messages } from '../i18n/messages.js';
import { pluralForm } from '../i18n/plural-text.js';
import { formatCount, formatDuration, formatEpoch, formatNumber } from './format.js';
import type { RunState } from './run-controls.js';

/** What the progress line is written from. */
export interface ProgressFacts {
  readonly state: RunState;
  /** The run's epochs (the form's, before the first progress message). */
  readonly epochs: number;
  /** The last run ended with an error (the alert below says why). */
  readonly failed: boolean;
  /** The epoch a paused run waits before (0-based). */
  readonly nextEpoch: number;
  /** The latest progress message's numbers, once one came. */
  readonly latest: { readonly epoch: number; readonly rate: number } | undefined;
  /** How the finished run ended, once `done` came. */
  readonly finished: { readonly status: string; readonly summary: ExperimentSummary } | undefined;
}

/**
 * The progress line: ready, starting, the epoch and rate while running, where a
 * paused run waits, or how the run ended ("Done: 1 epoch in ...", with the
 * epochs in the language's plural form).
 */
export function progressText(facts: ProgressFacts, m: Messages): string {
  const { locale } = m;
  const { state, epochs, latest, finished } = facts;
  if (state === 'idle') return facts.failed ? m.failedStatus : m.idle;
  if (state === 'starting') return m.starting;
  if (state === 'paused') {
    return fill(m.pausedAt, {
      epoch: formatCount(facts.nextEpoch + 1, locale),
      epochs: formatCount(epochs, locale),
    });
  }
  if (state === 'done' && finished) {
    const s = finished.summary;
    const text = m.finished[finished.status] ?? m.finished.completed ?? { other: '' };
    return fill(pluralForm(text, s.epochsRun, locale), {
      epochs: formatCount(s.epochsRun, locale),
      seconds: formatNumber(s.seconds, locale),
      rate: formatCount(s.epochsPerSecond, locale),
      epoch: formatEpoch(s.divergedAtEpoch, locale),
    });
  }
  if (!latest) return m.starting;
  const done = latest.epoch + 1;
  return fill(m.progressLine, {
    epoch: formatCount(done, locale),
    epochs: formatCount(epochs, locale),
    rate: formatCount(latest.rate, locale),
    left: latest.rate > 0 ? formatDuration((epochs - done) / latest.rate) : '—',
  });
}
