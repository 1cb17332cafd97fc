import type { ExperimentSummary } from '@epochlab/experiments';
import { html, type TemplateResult } from 'lit/html.js';
import { fill, type Locale, type Messages } from '../i18n/messages.js';
import type { EpochLoss } from '../worker/protocol.js';
import { formatCount, formatEpoch, formatNumber } from './format.js';

/** What the page knows of the run so far; every part is missing before it arrives. */
export interface RunSoFar {
  /** From the worker's `started` message. */
  readonly started: { readonly parameters: number; readonly backend: string } | undefined;
  /** The finished run's summary (the CLI's `summary.json`), once `done` arrives. */
  readonly summary: ExperimentSummary | undefined;
  /** The losses drawn so far. */
  readonly history: { readonly train: readonly EpochLoss[]; readonly val: readonly EpochLoss[] };
  /** The latest progress message's epochs per second. */
  readonly rate: number | undefined;
}

/**
 * The run's summary as a definition list (parameters, best validation epoch
 * and loss, final losses, backend, epochs/s), each value `—` until known. While
 * the run goes the values come from the losses drawn so far; when it ends, from
 * the run's summary, so the page shows what the CLI writes.
 */
export function runSummaryList(run: RunSoFar, m: Messages, locale: Locale): TemplateResult {
  const s = run.summary;
  const { train, val } = run.history;
  const best = lowest(val);
  const rows: [key: string, label: string | undefined, value: string][] = [
    [
      'parameters',
      m.summaryLabels.parameters,
      run.started ? formatCount(run.started.parameters, locale) : '—',
    ],
    [
      'best-val-epoch',
      m.summaryLabels.bestValEpoch,
      formatEpoch(s ? s.bestValEpoch : best?.epoch, locale),
    ],
    [
      'best-val-loss',
      m.summaryLabels.bestValLoss,
      formatNumber(s ? s.bestValLoss : best?.loss, locale),
    ],
    [
      'final-train-loss',
      m.summaryLabels.finalTrainLoss,
      formatNumber(s ? s.finalTrainLoss : train.at(-1)?.loss, locale),
    ],
    [
      'final-val-loss',
      m.summaryLabels.finalValLoss,
      formatNumber(s ? s.finalValLoss : val.at(-1)?.loss, locale),
    ],
    ['backend', m.summaryLabels.backend, run.started?.backend ?? '—'],
    [
      'epochs-per-second',
      m.summaryLabels.epochsPerSecond,
      s
        ? formatCount(s.epochsPerSecond, locale)
        : run.rate !== undefined
          ? formatCount(run.rate, locale)
          : '—',
    ],
  ];
  return html`${rows.map(
    ([key, label, value]) => html`<dt>${label ?? ''}</dt><dd data-key=${key}>${value}</dd>`,
  )}`;
}

/**
 * The loss numbers kept in view with the progress line while a run goes:
 * train loss, and with validation the validation loss and best epoch; empty
 * before the first epoch.
 */
export function liveLossesText(run: RunSoFar, m: Messages, locale: Locale): string {
  const s = run.summary;
  const { train, val } = run.history;
  const trainLoss = s ? s.finalTrainLoss : train.at(-1)?.loss;
  if (trainLoss === undefined) return '';
  const validates = val.length > 0 || s?.bestValLoss !== undefined;
  return fill(validates ? m.liveLosses : m.liveTrainLoss, {
    train: formatNumber(trainLoss, locale),
    val: formatNumber(s ? s.finalValLoss : val.at(-1)?.loss, locale),
    best: formatEpoch(s ? s.bestValEpoch : lowest(val)?.epoch, locale),
  });
}

/** The epoch with the lowest loss (the first of equals), or undefined for none. */
function lowest(losses: readonly EpochLoss[]): EpochLoss | undefined {
  return losses.reduce<EpochLoss | undefined>(
    (low, point) => (low === undefined || point.loss < low.loss ? point : low),
    undefined,
  );
}
