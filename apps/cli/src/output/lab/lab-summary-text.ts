import type { BatchSizeLabResult } from '@epochlab/experiments';
import { formatDuration, formatLoss, listInWords } from '../../progress/format.js';
import { seriesName } from './batch-size-name.js';
import type { LabGroupSummary, LabSummary } from './lab-summary.js';

const STATUS_TEXT = {
  completed: 'completed',
  interrupted: 'interrupted',
  diverged: 'DIVERGED',
} as const;

function dataLine(result: BatchSizeLabResult): string {
  const c = result.config;
  const source =
    c.dataset === 'line'
      ? `line y = ${c.slope}x + ${c.intercept}`
      : `polynomial [${c.coefficients.join(', ')}]`;
  const validation = c.valN > 0 ? ` + ${c.valN} validation` : '';
  return `data: ${source}, ${c.n}${validation} points; ${c.loss} loss, ${c.optimizer} lr ${c.lr}`;
}

/** The loss the table and the reading compare: final validation, or final training without validation. */
function finalLoss(group: LabGroupSummary) {
  return group.finalValLoss ?? group.finalTrainLoss;
}

function cosineText(group: LabGroupSummary): string {
  const cosine = group.finalGradientCosine;
  return cosine ? cosine.mean.toFixed(3) : '-';
}

function table(summary: LabSummary, hasValidation: boolean): string[] {
  const header = [
    'batch size',
    'steps/epoch',
    hasValidation ? 'final val loss' : 'final train loss',
    hasValidation ? 'best val' : '',
    's/run',
    'cosine at end',
  ];
  const rows = summary.groups.map((group) => {
    const final = finalLoss(group);
    return [
      group.label,
      String(group.stepsPerEpoch),
      formatSpread(final),
      hasValidation ? formatLoss(group.bestValLoss?.mean) : '',
      group.secondsPerRun.toFixed(3),
      cosineText(group),
    ];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return column === 0 || column === 2 ? cell.padEnd(width) : cell.padStart(width);
      })
      .filter((_, column) => hasValidation || column !== 3)
      .join('   ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** A spread for people: `0.2601 ± 0.0026` (mean to four significant digits, std to two). */
function formatSpread(spread: { mean: number; std: number }): string {
  const std = Number.isFinite(spread.std) ? spread.std.toPrecision(2) : String(spread.std);
  return `${formatLoss(spread.mean)} ± ${std}`;
}

/**
 * One line on what the numbers say: which batch sizes ended lowest (those
 * within one standard deviation of the best one count as tied), and what the
 * smallest and the largest batch paid or saved (steps per epoch, gradient noise).
 */
export function tradeOffReading(summary: LabSummary, hasValidation: boolean): string | undefined {
  const groups = summary.groups.filter((group) => Number.isFinite(finalLoss(group).mean));
  if (groups.length < 2) return undefined;
  const name = (group: LabGroupSummary) => seriesName(group, summary.n);
  const best = groups.reduce((a, b) => (finalLoss(b).mean < finalLoss(a).mean ? b : a));
  const tied = groups.filter(
    (group) => finalLoss(group).mean - finalLoss(best).mean <= finalLoss(best).std,
  );
  const smallest = groups.reduce((a, b) => (b.batchSize < a.batchSize ? b : a));
  const largest = groups.reduce((a, b) => (b.batchSize > a.batchSize ? b : a));
  const steps = (group: LabGroupSummary) =>
    `${group.stepsPerEpoch} step${group.stepsPerEpoch === 1 ? '' : 's'} per epoch`;
  const final = (group: LabGroupSummary) => formatLoss(finalLoss(group).mean);

  const which = hasValidation ? 'validation' : 'training';
  const parts = [
    tied.length > 1
      ? `lowest final ${which} loss: ${listInWords(tied.map(name))}, within one std of ${final(best)}`
      : `lowest final ${which} loss: ${name(best)}, ${final(best)}`,
  ];
  if (!tied.includes(smallest)) {
    parts.push(
      `${name(smallest)}: ${steps(smallest)}, the noisiest gradients (cosine ${cosineText(smallest)}), ends at ${final(smallest)}`,
    );
  }
  if (!tied.includes(largest)) {
    const noise =
      largest.batchSize === summary.n ? 'no gradient noise' : `cosine ${cosineText(largest)}`;
    parts.push(`${name(largest)}: ${steps(largest)}, ${noise}, ends at ${final(largest)}`);
  }
  return `trade-off: ${parts.join('; ')}`;
}

/** The lines printed after a lab run, for people: a table per batch size and a reading. */
export function labSummaryText(
  result: BatchSizeLabResult,
  summary: LabSummary,
  folder: string,
): string {
  const hasValidation = summary.groups.some((group) => group.finalValLoss !== null);
  const finished = `${summary.groups.length}${summary.status === 'completed' ? '' : `/${result.config.batchSizes.length}`}`;
  const lines = [
    `batch-size lab ${STATUS_TEXT[summary.status]}: ${finished} batch sizes × ${summary.seeds} seeds, ${summary.epochs} epochs, in ${formatDuration(summary.seconds)} (backend ${summary.backend}, ${summary.trainingPath} path)`,
    dataLine(result),
    '',
    ...table(summary, hasValidation),
    '',
  ];
  for (const group of summary.groups) {
    const diverged = group.runs.diverged ?? 0;
    if (diverged > 0) {
      const total = Object.values(group.runs).reduce((a, b) => a + b, 0);
      lines.push(
        `${seriesName(group, summary.n)}: ${diverged} of ${total} runs diverged (the loss became NaN or infinite); try a smaller --lr`,
      );
    }
  }
  const reading = tradeOffReading(summary, hasValidation);
  if (reading) lines.push(reading);
  lines.push(`run folder: ${folder}`);
  return `${lines.join('\n')}\n`;
}
