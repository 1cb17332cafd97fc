import {
  type BestConfiguration,
  type ConfigurationSummary,
  configurationText,
  type FinishedConfiguration,
  rankedLoss,
  type SweepSpec,
} from '@epochlab/experiments';
import { formatDuration, formatLoss } from '../../progress/format.js';

const RANKED_WORDS = { bestValLoss: 'best val loss', finalTrainLoss: 'final train loss' } as const;

/** `best val loss 0.2345 ± 0.0012`: a configuration's ranked loss over its seeds. */
function rankedText(summary: ConfigurationSummary): string {
  const rank = rankedLoss(summary);
  if (rank === undefined) return 'every run diverged';
  const spread = rank.loss === 'bestValLoss' ? summary.bestValLoss : summary.finalTrainLoss;
  return `${RANKED_WORDS[rank.loss]} ${formatLoss(rank.mean)} ± ${formatLoss(spread?.std)}`;
}

/** `[3/36] #5 lr 0.01, momentum 0.9: best val loss 0.2345 ± 0.0012 (8 runs, 1.2s)`. */
export function finishedLine(
  spec: SweepSpec,
  done: number,
  total: number,
  finished: FinishedConfiguration,
  summary: ConfigurationSummary,
): string {
  const diverged = summary.statuses.diverged ?? 0;
  const divergedText = diverged > 0 ? `, ${diverged} diverged` : '';
  return `[${done}/${total}] #${finished.index} ${configurationText(spec, summary.values)}: ${rankedText(summary)} (${summary.runs} runs${divergedText}, ${formatDuration(finished.seconds)})\n`;
}

/** The closing lines: the best configuration, its command, and where the folder is. */
export function sweepEndText(
  spec: SweepSpec,
  best: BestConfiguration | undefined,
  summaries: readonly ConfigurationSummary[],
  folder: string,
): string {
  const lines: string[] = [];
  if (best === undefined) {
    lines.push('no configuration has a loss to rank (none finished, or every run diverged)');
  } else {
    const summary = summaries.find((candidate) => candidate.index === best.index);
    lines.push(
      `best: #${best.index} ${configurationText(spec, best.values)}: ${summary ? rankedText(summary) : ''}`,
      `  ${best.command}`,
    );
  }
  lines.push(`sweep folder: ${folder}`);
  return `${lines.join('\n')}\n`;
}
