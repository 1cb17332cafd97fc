import type { DataExperimentResult, ExperimentResult } from '@epochlab/experiments';
import { formatDuration, formatLoss } from '../progress/format.js';
import { divergenceCause } from './divergence-reason.js';

const STATUS_TEXT = {
  completed: 'completed',
  'stopped-early': 'stopped early',
  diverged: 'DIVERGED',
  aborted: 'interrupted',
} as const;

/** The few lines printed after a run, for people. */
export function summaryText(
  result: ExperimentResult | DataExperimentResult,
  folder: string,
  modelSaved = true,
): string {
  const s = result.summary;
  const lines = [
    `${s.experiment} experiment ${STATUS_TEXT[s.status]}: ${s.epochsRun}/${s.epochs} epochs in ${formatDuration(s.seconds)} (${Math.round(s.epochsPerSecond)} epochs/s)`,
    `model: ${s.parameters} parameters; backend: ${result.backend.name} (${result.backend.reason})`,
    `final train loss ${formatLoss(s.finalTrainLoss)}${s.finalValLoss === null ? '' : `, final validation loss ${formatLoss(s.finalValLoss)}`}`,
  ];
  if (s.bestValEpoch !== null) {
    const kept = s.bestEpoch === null ? '' : ' (its model in model-best/)';
    lines.push(
      `best validation loss ${formatLoss(s.bestValLoss)} at epoch ${s.bestValEpoch}${kept}`,
    );
  }
  if (s.restoredBestFromEpoch !== null) {
    lines.push(`early stopping put back the weights of epoch ${s.restoredBestFromEpoch} in model/`);
  }
  if (s.status === 'diverged') {
    const cause = result.divergence
      ? divergenceCause(result.divergence)
      : 'the loss became NaN or infinite';
    lines.push(
      `training diverged at epoch ${s.divergedAtEpoch}: ${cause}; try a smaller --lr, or data on a smaller scale`,
    );
  }
  if (!modelSaved) lines.push('model not saved: its weights are no longer finite numbers');
  lines.push(`run folder: ${folder}`);
  return `${lines.join('\n')}\n`;
}
