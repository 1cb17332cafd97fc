import {
  type BatchSizeLabResult,
  batchSizeSeriesName,
  batchSizeSeriesNameText,
  comparedLoss,
  finalComparedLoss,
  type LabGroupSummary,
  type LabSummary,
  tradeOffReadingText,
} from '@epochlab/experiments';
import { formatDuration, formatLoss } from '../../progress/format.js';

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
    const final = finalComparedLoss(group);
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

/** The lines printed after a lab run, for people: a table per batch size and a reading. */
export function labSummaryText(
  result: BatchSizeLabResult,
  summary: LabSummary,
  folder: string,
): string {
  const hasValidation = comparedLoss(summary) === 'validation';
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
        `${batchSizeSeriesNameText(batchSizeSeriesName(group, summary.n))}: ${diverged} of ${total} runs diverged (the loss became NaN or infinite); try a smaller --lr`,
      );
    }
  }
  if (summary.tradeOff) lines.push(tradeOffReadingText(summary.tradeOff));
  lines.push(`run folder: ${folder}`);
  return `${lines.join('\n')}\n`;
}
