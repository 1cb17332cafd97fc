import type { HardwareResult } from '@epochlab/experiments';

/** The measurement in the terminal: what could not run and why, a table, and each knee. */
export function hardwareText(result: HardwareResult, folder: string): string {
  const lines: string[] = [];
  const c = result.config;
  lines.push(
    `batch-size hardware: ${c.n} points of the line, about ${c.seconds} s per measurement, target loss ${c.targetLoss}`,
  );
  for (const missing of result.unavailable) {
    lines.push(`  ${missing.backend}: not measured: ${missing.reason.split('\n')[0]}`);
  }
  lines.push('');
  lines.push(
    `  ${'backend'.padEnd(8)} ${'model'.padEnd(9)} ${'batch'.padStart(6)} ${'path'.padEnd(16)} ${'samples/s'.padStart(10)} ${'to target'.padStart(10)}`,
  );
  for (const cell of result.cells) {
    const target = cell.secondsToTarget === null ? '-' : `${cell.secondsToTarget.toFixed(2)} s`;
    lines.push(
      `  ${cell.backend.padEnd(8)} ${cell.model.padEnd(9)} ${String(cell.batchSize).padStart(6)} ${cell.trainingPath.padEnd(16)} ${Math.round(cell.samplesPerSecond).toString().padStart(10)} ${target.padStart(10)}`,
    );
  }
  lines.push('');
  for (const knee of result.knees) {
    lines.push(
      `  ${knee.backend}, ${knee.model}: larger batches stop paying off at ${knee.batchSize} (${Math.round(knee.samplesPerSecond)} samples/s, within 90% of the best, ${Math.round(knee.bestSamplesPerSecond)} at ${knee.bestBatchSize})`,
    );
  }
  lines.push(`${result.status === 'aborted' ? 'interrupted: ' : ''}saved to ${folder}`);
  return `${lines.join('\n')}\n`;
}
