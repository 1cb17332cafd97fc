import type { BatchSizeGroup, Spread } from '@epochlab/experiments';
import { formatCount, formatNumber } from '../ui/format.js';
import type { LabMessages } from './lab-messages.js';

/** `mean ± std` of a spread over seeds (just the mean for one seed); `—` when there is none. */
export function formatSpread(spread: Spread | undefined, locale: string): string {
  if (spread === undefined || !Number.isFinite(spread.mean)) return '—';
  const mean = formatNumber(spread.mean, locale);
  if (spread.count <= 1) return mean;
  // Float rounding between seeds that agree exactly (the full batch's cosine) is no spread.
  const negligible = spread.std <= 1e-9 * Math.max(1, Math.abs(spread.mean));
  return `${mean} ± ${negligible ? '0' : formatNumber(spread.std, locale)}`;
}

/** The columns of the per-batch-size table, in order. */
export const LAB_TABLE_COLUMNS = [
  'batchSize',
  'stepsPerEpoch',
  'finalVal',
  'bestVal',
  'seconds',
  'cosine',
] as const;

/** One table row's cells (text), keyed like `LAB_TABLE_COLUMNS`. */
export function labTableRow(
  group: BatchSizeGroup,
  locale: string,
): Record<(typeof LAB_TABLE_COLUMNS)[number], string> {
  return {
    batchSize: group.label,
    stepsPerEpoch: formatCount(group.stepsPerEpoch, locale),
    finalVal: formatSpread(group.finalValLoss, locale),
    bestVal: formatSpread(group.bestValLoss, locale),
    seconds: formatNumber(group.secondsPerRun, locale),
    cosine: formatSpread(group.noise.at(-1)?.cosine, locale),
  };
}

/**
 * The table's contents: a header row and one row per finished batch size
 * (`data-batch-size` on each row), or a note while none has finished.
 */
export function renderLabTable(
  table: HTMLTableElement,
  groups: readonly BatchSizeGroup[],
  messages: LabMessages,
  locale: string,
): void {
  const doc = table.ownerDocument;
  const cell = (tag: 'th' | 'td', text: string, scope?: string) => {
    const element = doc.createElement(tag);
    element.textContent = text;
    if (scope) element.setAttribute('scope', scope);
    return element;
  };
  const head = doc.createElement('thead');
  const headRow = doc.createElement('tr');
  for (const column of LAB_TABLE_COLUMNS) {
    headRow.append(cell('th', messages.tableColumns[column], 'col'));
  }
  head.append(headRow);
  const body = doc.createElement('tbody');
  if (groups.length === 0) {
    const row = doc.createElement('tr');
    const note = cell('td', messages.tableEmpty);
    note.colSpan = LAB_TABLE_COLUMNS.length;
    note.className = 'empty';
    row.append(note);
    body.append(row);
  }
  for (const group of groups) {
    const values = labTableRow(group, locale);
    const row = doc.createElement('tr');
    row.dataset.batchSize = String(group.batchSize);
    for (const column of LAB_TABLE_COLUMNS) {
      const element =
        column === 'batchSize' ? cell('th', values[column], 'row') : cell('td', values[column]);
      element.dataset.column = column;
      row.append(element);
    }
    body.append(row);
  }
  table.replaceChildren(head, body);
}
