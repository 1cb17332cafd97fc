import type { ExperimentResult } from '@epochlab/experiments';

type TrainingHistory = ExperimentResult['history'];

/**
 * The history as CSV: `epoch,train_loss,val_loss`, one row per epoch, the
 * validation column empty on epochs without validation.
 */
export function historyToCsv(history: TrainingHistory): string {
  const validation = new Map(history.val.map((point) => [point.epoch, point.loss]));
  const rows = ['epoch,train_loss,val_loss'];
  for (const point of history.train) {
    rows.push(`${point.epoch},${point.loss},${validation.get(point.epoch) ?? ''}`);
  }
  return `${rows.join('\n')}\n`;
}
