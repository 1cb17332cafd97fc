import { type BatchSizeSeriesName, batchSizeSeriesName } from './batch-size-series-name.js';
import { type ComparedLoss, comparedLoss, finalComparedLoss } from './compared-loss.js';
import type { LabGroupSummary } from './lab-summary.js';

/** A batch size as a finding of the reading names it, with the numbers the finding quotes. */
export interface TradeOffBatch {
  readonly name: BatchSizeSeriesName;
  readonly batchSize: number;
  readonly stepsPerEpoch: number;
  /** Mean over seeds of the final loss the lab compares (validation, else training). */
  readonly finalLoss: number;
  /** Mean over seeds of the last gradient cosine; `null` when it was not measured. */
  readonly cosine: number | null;
}

/**
 * One finding of the reading, by code; apps word each code in their
 * language (`tradeOffReadingText` in English), with these parameters.
 *
 * - `lowest-final-loss`: one batch size ended lowest.
 * - `tied-lowest-final-loss`: these batch sizes ended within one standard
 *   deviation (the best one's, over seeds) of the lowest mean, `best`.
 * - `smallest-batch`: the smallest batch size (not among the lowest): the
 *   most steps per epoch and the noisiest gradients.
 * - `largest-batch`: the largest batch size (not among the lowest), when it
 *   is not the full batch.
 * - `full-batch`: the largest batch size is the full batch: one step per
 *   epoch, no gradient noise.
 */
export type TradeOffFinding =
  | {
      readonly code: 'lowest-final-loss';
      readonly loss: ComparedLoss;
      readonly batch: TradeOffBatch;
    }
  | {
      readonly code: 'tied-lowest-final-loss';
      readonly loss: ComparedLoss;
      readonly batches: readonly TradeOffBatch[];
      readonly best: number;
    }
  | { readonly code: 'smallest-batch'; readonly batch: TradeOffBatch }
  | { readonly code: 'largest-batch'; readonly batch: TradeOffBatch }
  | { readonly code: 'full-batch'; readonly batch: TradeOffBatch };

/** What a lab's numbers say about the batch-size trade-off: its findings, in reading order. */
export interface TradeOffReading {
  readonly findings: readonly TradeOffFinding[];
}

function tradeOffBatch(group: LabGroupSummary, n: number): TradeOffBatch {
  return {
    name: batchSizeSeriesName(group, n),
    batchSize: group.batchSize,
    stepsPerEpoch: group.stepsPerEpoch,
    finalLoss: finalComparedLoss(group).mean,
    cosine: group.finalGradientCosine?.mean ?? null,
  };
}

/**
 * Reads a lab's summary rows (`lab`: its `n` training and `valN` validation
 * points): which batch sizes
 * ended lowest (those within one standard deviation of the best one count
 * as tied), and what the smallest and the largest batch size paid or saved
 * (steps per epoch, gradient noise) when they are not among the lowest.
 * Batch sizes whose final loss is not finite (every seed diverged) are left
 * out; `undefined` when fewer than two remain.
 */
export function tradeOffReading(
  groups: readonly LabGroupSummary[],
  lab: { readonly n: number; readonly valN: number },
): TradeOffReading | undefined {
  const { n } = lab;
  const loss = comparedLoss(lab);
  const finite = groups.filter((group) => Number.isFinite(finalComparedLoss(group).mean));
  if (finite.length < 2) return undefined;
  const final = (group: LabGroupSummary) => finalComparedLoss(group).mean;
  const best = finite.reduce((a, b) => (final(b) < final(a) ? b : a));
  const bestStd = finalComparedLoss(best).std;
  const tied = finite.filter((group) => final(group) - final(best) <= bestStd);
  const smallest = finite.reduce((a, b) => (b.batchSize < a.batchSize ? b : a));
  const largest = finite.reduce((a, b) => (b.batchSize > a.batchSize ? b : a));
  const batch = (group: LabGroupSummary) => tradeOffBatch(group, n);

  const findings: TradeOffFinding[] = [
    tied.length > 1
      ? { code: 'tied-lowest-final-loss', loss, batches: tied.map(batch), best: final(best) }
      : { code: 'lowest-final-loss', loss, batch: batch(best) },
  ];
  if (!tied.includes(smallest)) findings.push({ code: 'smallest-batch', batch: batch(smallest) });
  if (!tied.includes(largest)) {
    const code = largest.batchSize === n ? 'full-batch' : 'largest-batch';
    findings.push({ code, batch: batch(largest) });
  }
  return { findings };
}
