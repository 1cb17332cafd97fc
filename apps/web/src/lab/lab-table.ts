import {
  type ComparedLoss,
  finalComparedLoss,
  type LabGroupSummary,
  type Spread,
} from '@epochlab/experiments';
import { html, type TemplateResult } from 'lit/html.js';
import { fill } from '../i18n/messages.js';
import { formatCount, formatNumber } from '../ui/format.js';
import type { LabMessages } from './lab-messages.js';

/** `mean ± std` of a spread over seeds (just the mean for one seed); `—` when there is none. */
export function formatSpread(spread: Spread | null, locale: string): string {
  if (spread === null || !Number.isFinite(spread.mean)) return '—';
  const mean = formatNumber(spread.mean, locale);
  if (spread.count <= 1) return mean;
  // Float rounding between seeds that agree exactly (the full batch's cosine) is no spread.
  const negligible = spread.std <= 1e-9 * Math.max(1, Math.abs(spread.mean));
  return `${mean} ± ${negligible ? '0' : formatNumber(spread.std, locale)}`;
}

/** The columns of the per-batch-size table, in order. */
const LAB_TABLE_COLUMNS = [
  'batchSize',
  'stepsPerEpoch',
  'finalLoss',
  'bestVal',
  'seconds',
  'cosine',
] as const;

type LabTableColumn = (typeof LAB_TABLE_COLUMNS)[number];

/** One table row's cells (text), from the lab summary's row. */
function labTableRow(
  row: LabGroupSummary,
  messages: LabMessages,
  locale: string,
): Record<LabTableColumn, string> {
  return {
    batchSize:
      row.option === 'full'
        ? fill(messages.tableFullBatch, { n: formatCount(row.batchSize, locale) })
        : row.label,
    stepsPerEpoch: formatCount(row.stepsPerEpoch, locale),
    finalLoss: formatSpread(finalComparedLoss(row), locale),
    bestVal: formatSpread(row.bestValLoss, locale),
    seconds: formatNumber(row.secondsPerRun, locale),
    cosine: formatSpread(row.finalGradientCosine, locale),
  };
}

/**
 * The table's contents: a header row and one row per finished batch size
 * (`labGroupSummary`'s rows, `data-batch-size` on each), or a note while
 * none has finished. The final-loss column is the loss the lab compares
 * (`compared`): validation, or training without validation points.
 */
export function labTableContent(
  rows: readonly LabGroupSummary[],
  compared: ComparedLoss,
  messages: LabMessages,
  locale: string,
): TemplateResult {
  const titles: Record<LabTableColumn, string> = {
    ...messages.tableColumns,
    finalLoss:
      compared === 'validation' ? messages.tableColumns.finalVal : messages.tableColumns.finalTrain,
  };
  const body =
    rows.length === 0
      ? html`<tr><td colspan=${LAB_TABLE_COLUMNS.length} class="empty">${messages.tableEmpty}</td></tr>`
      : rows.map((summary) => {
          const values = labTableRow(summary, messages, locale);
          return html`<tr data-batch-size=${summary.batchSize}>${LAB_TABLE_COLUMNS.map((column) =>
            column === 'batchSize'
              ? html`<th scope="row" data-column=${column}>${values[column]}</th>`
              : html`<td data-column=${column}>${values[column]}</td>`,
          )}</tr>`;
        });
  return html`<thead><tr>${LAB_TABLE_COLUMNS.map(
    (column) => html`<th scope="col">${titles[column]}</th>`,
  )}</tr></thead><tbody>${body}</tbody>`;
}
