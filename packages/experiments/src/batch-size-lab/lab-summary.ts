import type { Spread } from './band-statistics.js';
import type { BatchSizeGroup, BatchSizeLabResult } from './batch-size-lab-result.js';
import { type TradeOffReading, tradeOffReading } from './trade-off-reading.js';

/**
 * One batch size of a lab's summary: a row of the table both apps show, with
 * its numbers. Missing values are `null` (no validation set, no measurement),
 * so the summary is plain JSON.
 */
export interface LabGroupSummary {
  readonly label: string;
  /** The batch size as configured: a number or `"full"`. */
  readonly option: number | 'full';
  /** Points per mini-batch (`full` resolved to n). */
  readonly batchSize: number;
  /** Gradient steps per epoch: ceil(n / batchSize), the last batch may be short. */
  readonly stepsPerEpoch: number;
  /** How many runs (seeds) ended with each status, e.g. `{ "completed": 8 }`. */
  readonly runs: Record<string, number>;
  /** Training wall time of the batch size divided by its seeds. */
  readonly secondsPerRun: number;
  readonly finalTrainLoss: Spread;
  readonly finalValLoss: Spread | null;
  readonly bestValLoss: Spread | null;
  /** Epoch of the last gradient-noise measurement. */
  readonly gradientNoiseEpoch: number | null;
  /** Cosine between mini-batch and full-batch gradients at that epoch, over seeds. */
  readonly finalGradientCosine: Spread | null;
  /** Squared distance of mini-batch gradients to the full-batch gradient at that epoch, over seeds. */
  readonly finalGradientVariance: Spread | null;
}

/** A lab's summary: what the CLI writes to `summary.json` and the page offers as a download. */
export interface LabSummary {
  readonly experiment: 'batch-size';
  /** A lab stopped by its signal (Ctrl-C, the page's Stop) is `interrupted`. */
  readonly status: 'completed' | 'interrupted' | 'diverged';
  readonly backend: string;
  readonly backendReason: string;
  readonly trainingPath: string;
  /** Wall time of the whole lab, every batch size and seed. */
  readonly seconds: number;
  readonly epochs: number;
  readonly seeds: number;
  readonly n: number;
  readonly valN: number;
  /** One per batch size that ran, in the config's order. */
  readonly groups: readonly LabGroupSummary[];
  /** What the numbers say about the trade-off; `null` with fewer than two finite final losses. */
  readonly tradeOff: TradeOffReading | null;
}

/** A run's status as the lab's files name it: a run stopped by the signal is `interrupted`. */
export function labRunStatus(status: string): string {
  return status === 'aborted' ? 'interrupted' : status;
}

function countStatuses(group: BatchSizeGroup): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const run of group.runs) {
    const status = labRunStatus(run.status);
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

/**
 * The summary row of one batch size, from its group: the page builds the
 * rows one by one as batch sizes finish, the CLI all at once.
 */
export function labGroupSummary(group: BatchSizeGroup): LabGroupSummary {
  const lastNoise = group.noise.at(-1);
  return {
    label: group.label,
    option: group.option,
    batchSize: group.batchSize,
    stepsPerEpoch: group.stepsPerEpoch,
    runs: countStatuses(group),
    secondsPerRun: group.secondsPerRun,
    finalTrainLoss: group.finalTrainLoss,
    finalValLoss: group.finalValLoss ?? null,
    bestValLoss: group.bestValLoss ?? null,
    gradientNoiseEpoch: lastNoise?.epoch ?? null,
    finalGradientCosine: lastNoise?.cosine ?? null,
    finalGradientVariance: lastNoise?.variance ?? null,
  };
}

/**
 * The summary of a lab's result: a row per batch size that ran and the
 * trade-off reading. Both apps show it (the CLI as `summary.json` and its
 * printed table, the page as its table and reading), so they say the same.
 */
export function labSummary(result: BatchSizeLabResult): LabSummary {
  const { config } = result;
  const groups = result.groups.map(labGroupSummary);
  return {
    experiment: 'batch-size',
    status: result.status === 'aborted' ? 'interrupted' : result.status,
    backend: result.backend.name,
    backendReason: result.backend.reason,
    trainingPath: result.trainingPath,
    seconds: result.seconds,
    epochs: config.epochs,
    seeds: config.seeds,
    n: config.n,
    valN: config.valN,
    groups,
    tradeOff: tradeOffReading(groups, config) ?? null,
  };
}
