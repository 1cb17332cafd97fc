import type { BatchSizeGroup, BatchSizeLabResult, Spread } from '@epochlab/experiments';

/** One batch size in `summary.json`. Missing values are `null` (no validation set, no measurement). */
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

/** What `summary.json` of a batch-size lab run holds (and `--json` prints). */
export interface LabSummary {
  readonly experiment: 'batch-size';
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
  readonly groups: readonly LabGroupSummary[];
}

function countStatuses(group: BatchSizeGroup): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const run of group.runs) {
    const status = run.status === 'aborted' ? 'interrupted' : run.status;
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

function groupSummary(group: BatchSizeGroup): LabGroupSummary {
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

/** Builds `summary.json` from the lab's result; an aborted lab is marked interrupted. */
export function labSummary(result: BatchSizeLabResult): LabSummary {
  const { config } = result;
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
    groups: result.groups.map(groupSummary),
  };
}
