import { batchSizeSeriesNameText } from './batch-size-series-name.js';
import type { TradeOffBatch, TradeOffFinding, TradeOffReading } from './trade-off-reading.js';

/** A loss to four significant digits, as the lab's texts quote it. */
function lossText(loss: number): string {
  return Number.isFinite(loss) ? loss.toPrecision(4) : String(loss);
}

/** A cosine to three decimals, `-` when it was not measured. */
function cosineText(cosine: number | null): string {
  return cosine === null ? '-' : cosine.toFixed(3);
}

/** `a`, `a and b`, `a, b and c`. */
function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function stepsText(batch: TradeOffBatch): string {
  return `${batch.stepsPerEpoch} step${batch.stepsPerEpoch === 1 ? '' : 's'} per epoch`;
}

/** One finding in English. */
export function tradeOffFindingText(finding: TradeOffFinding): string {
  switch (finding.code) {
    case 'lowest-final-loss':
      return `lowest final ${finding.loss} loss: ${batchSizeSeriesNameText(finding.batch.name)}, ${lossText(finding.batch.finalLoss)}`;
    case 'tied-lowest-final-loss':
      return `lowest final ${finding.loss} loss: ${listInWords(finding.batches.map((batch) => batchSizeSeriesNameText(batch.name)))}, within one std of ${lossText(finding.best)}`;
    case 'smallest-batch': {
      const { batch } = finding;
      return `${batchSizeSeriesNameText(batch.name)}: ${stepsText(batch)}, the noisiest gradients (cosine ${cosineText(batch.cosine)}), ends at ${lossText(batch.finalLoss)}`;
    }
    case 'largest-batch':
    case 'full-batch': {
      const { batch } = finding;
      const noise =
        finding.code === 'full-batch' ? 'no gradient noise' : `cosine ${cosineText(batch.cosine)}`;
      return `${batchSizeSeriesNameText(batch.name)}: ${stepsText(batch)}, ${noise}, ends at ${lossText(batch.finalLoss)}`;
    }
  }
}

/**
 * The reading as one English line, the one the CLI prints:
 * `trade-off: lowest final validation loss: batch 25, 0.2598; batch 1: 100 steps per epoch, ...`.
 */
export function tradeOffReadingText(reading: TradeOffReading): string {
  return `trade-off: ${reading.findings.map(tradeOffFindingText).join('; ')}`;
}
