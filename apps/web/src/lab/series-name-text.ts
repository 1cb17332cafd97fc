import { type BatchSizeSeriesName, batchSizeSeriesName } from '@epochlab/experiments';
import { fill } from '../i18n/messages.js';
import type { LabMessages } from './lab-messages.js';

/** A series name of the lab in the page's language: `batch 5`, `lote completo (100)`. */
export function seriesNameText(name: BatchSizeSeriesName, messages: LabMessages): string {
  const labels = messages.chartLabels;
  return name.kind === 'full-batch'
    ? `${labels.fullBatch} (${name.n})`
    : fill(labels.batch, { label: name.label });
}

/** How the legends name a batch size of a lab on `n` points (`batchSizeSeriesName`, in words). */
export function batchSizeName(
  size: { readonly label: string; readonly batchSize: number },
  n: number,
  messages: LabMessages,
): string {
  return seriesNameText(batchSizeSeriesName(size, n), messages);
}
