import type { ExperimentResult } from '@epochlab/experiments';

type TrainingHistory = ExperimentResult['history'];

/** Rows per chunk. */
const ROWS_PER_CHUNK = 8192;

/**
 * The history as CSV, in chunks: `epoch,train_loss,val_loss`, one row per
 * epoch, the validation column empty on epochs without validation. Written
 * piece by piece, so histories of any length fit (see `historyJsonChunks`).
 */
export function* historyCsvChunks(history: TrainingHistory): Generator<string> {
  yield 'epoch,train_loss,val_loss\n';
  // Both lists are in epoch order: walk them side by side instead of building a map.
  let v = 0;
  const { train, val } = history;
  for (let start = 0; start < train.length; start += ROWS_PER_CHUNK) {
    const end = Math.min(train.length, start + ROWS_PER_CHUNK);
    let rows = '';
    for (let i = start; i < end; i++) {
      const point = train[i] as TrainingHistory['train'][number];
      while (v < val.length && (val[v] as { epoch: number }).epoch < point.epoch) v++;
      const validation = val[v]?.epoch === point.epoch ? val[v]?.loss : '';
      rows += `${point.epoch},${point.loss},${validation}\n`;
    }
    yield rows;
  }
}
