import type { ExperimentResult } from '@epochlab/experiments';
import { formatDuration, formatLoss } from '../progress/format.js';

const STATUS_TEXT = {
  completed: 'completed',
  'stopped-early': 'stopped early',
  diverged: 'DIVERGED',
  aborted: 'interrupted',
} as const;

/** The few lines printed after a run, for people. */
export function summaryText(result: ExperimentResult, folder: string): string {
  const s = result.summary;
  const lines = [
    `${s.experiment} experiment ${STATUS_TEXT[s.status]}: ${s.epochsRun}/${s.epochs} epochs in ${formatDuration(s.seconds)} (${Math.round(s.epochsPerSecond)} epochs/s)`,
    `model: ${s.parameters} parameters; backend: ${result.backend.name} (${result.backend.reason})`,
    `final train loss ${formatLoss(s.finalTrainLoss)}${s.finalValLoss === null ? '' : `, final validation loss ${formatLoss(s.finalValLoss)}`}`,
  ];
  if (s.bestValEpoch !== null) {
    lines.push(`best validation loss ${formatLoss(s.bestValLoss)} at epoch ${s.bestValEpoch}`);
  }
  if (s.status === 'diverged') {
    lines.push(
      `training diverged at epoch ${s.divergedAtEpoch}: the loss became NaN or infinite; try a smaller --lr`,
    );
  }
  lines.push(`run folder: ${folder}`);
  return `${lines.join('\n')}\n`;
}
