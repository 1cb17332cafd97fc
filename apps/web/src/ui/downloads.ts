import type { EpochLoss } from '../worker/protocol.js';

/**
 * The history as CSV, the same columns as the CLI's `history.csv`:
 * `epoch,train_loss,val_loss`, the validation column empty on epochs without it.
 */
export function historyToCsv(history: {
  readonly train: readonly EpochLoss[];
  readonly val: readonly EpochLoss[];
}): string {
  const validation = new Map(history.val.map((point) => [point.epoch, point.loss]));
  const rows = ['epoch,train_loss,val_loss'];
  for (const point of history.train) {
    rows.push(`${point.epoch},${point.loss},${validation.get(point.epoch) ?? ''}`);
  }
  return `${rows.join('\n')}\n`;
}

/** Saves `content` as a file through the browser's download. */
export function downloadFile(name: string, content: BlobPart | string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  downloadUrl(name, url);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves what a URL (object or data URL) points at. */
export function downloadUrl(name: string, url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
