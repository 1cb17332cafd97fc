import type { LocalMinimaSummary } from '@epochlab/experiments';

const percent = (share: number) => `${(share * 100).toFixed(0)}%`;
const fixed = (value: number, digits = 3) => value.toFixed(digits);

/**
 * The study in the terminal: where the start is, where full-batch descent
 * ended, and a table per learning rate of what each batch size's runs did.
 */
export function localMinimaText(summary: LocalMinimaSummary, folder: string): string {
  const c = summary.config;
  const start = summary.valleys[summary.startValley];
  const global = summary.valleys[summary.globalValley];
  const gd = summary.fullBatch;
  const lines: string[] = [];
  lines.push(
    `local-minima study: y = a sin(w x) on ${c.n} points of sin(3x), start (w, a) = (${c.start.join(', ')}), loss ${fixed(summary.startLoss)}`,
  );
  if (start && global) {
    lines.push(
      `  start valley ${start.index}: ${fixed(start.low, 2)} <= |w| < ${fixed(start.high, 2)}, lowest loss ${fixed(start.minimum.loss)} at w = ${fixed(start.minimum.w)}; its ridges are at loss ${fixed(start.ridgeLoss)}`,
    );
    lines.push(
      `  global valley ${global.index}: lowest loss ${fixed(global.minimum.loss)} at (w, a) = (${fixed(global.minimum.w)}, ${fixed(global.minimum.a)})`,
    );
  }
  lines.push(
    `  full batch, lr ${c.pathLr}, ${gd.steps} steps: ends in valley ${gd.valley} at (${fixed(gd.w)}, ${fixed(gd.a)}), loss ${fixed(gd.loss)}`,
  );
  lines.push(
    `  batch ${c.pathBatchSize}, lr ${c.pathLr}: ${summary.sgdPathsInGlobal} of ${summary.sgdPaths} drawn paths end in the global valley`,
  );
  lines.push('');
  lines.push(
    `  ${'lr'.padEnd(6)} ${'batch'.padEnd(10)} ${'global'.padStart(7)} ${'start'.padStart(6)} ${'other'.padStart(6)} ${'diverged'.padStart(8)} ${'unsettled'.padStart(9)} ${'steps'.padStart(7)}  final loss mean ± std`,
  );
  for (const row of summary.rows) {
    const loss = row.finalLoss ? `${fixed(row.finalLoss.mean)} ± ${fixed(row.finalLoss.std)}` : '-';
    lines.push(
      `  ${String(row.lr).padEnd(6)} ${row.label.padEnd(10)} ${percent(row.globalShare).padStart(7)} ${percent(row.startShare).padStart(6)} ${percent(row.otherShare).padStart(6)} ${percent(row.divergedShare).padStart(8)} ${percent(row.unsettledShare).padStart(9)} ${String(row.medianStepsToGlobal ?? '-').padStart(7)}  ${loss}`,
    );
  }
  lines.push('');
  lines.push(
    `  ${c.seeds} runs per row, ${c.epochs} epochs each; steps: median step from which the runs in the global valley stayed there`,
  );
  lines.push(
    `${summary.status === 'aborted' ? 'interrupted: ' : ''}saved to ${folder} (${summary.seconds.toFixed(1)} s)`,
  );
  return `${lines.join('\n')}\n`;
}
