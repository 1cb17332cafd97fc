import type { EpochlabMeasurement } from './measure-workload.js';
import type { TorchMeasurement, TorchVariant } from './torch-reference.js';
import type { WorkloadId } from './workloads.js';

/** A speed target of issue #8: epochlab / PyTorch `variant` on `workload` at least `atLeast`. */
export interface RatioTarget {
  readonly workload: WorkloadId;
  readonly variant: TorchVariant;
  readonly atLeast: number;
}

export const RATIO_TARGETS: readonly RatioTarget[] = [
  { workload: 'seed-line', variant: 'seed', atLeast: 10 },
  { workload: 'seed-line', variant: 'manual', atLeast: 1 },
  { workload: 'seed-line-val', variant: 'seed', atLeast: 10 },
  { workload: 'seed-line-val', variant: 'manual', atLeast: 1 },
  { workload: 'poly-large', variant: 'tensordataset', atLeast: 3 },
  { workload: 'sweep', variant: 'seed', atLeast: 20 },
];

/** One ratio line: epochlab's throughput over PyTorch's, with the target when there is one. */
export interface RatioLine {
  readonly kind: 'ratio';
  readonly workload: WorkloadId;
  readonly backend: string;
  readonly path: string;
  readonly variant: TorchVariant;
  readonly metric: string;
  readonly ratio: number;
  readonly target?: number;
  readonly met?: boolean;
}

/**
 * Every ratio epochlab / PyTorch for the same workload: one per epochlab
 * measurement and PyTorch variant, in the metric of the workload.
 */
export function computeRatios(
  epochlab: readonly EpochlabMeasurement[],
  torch: readonly TorchMeasurement[],
): RatioLine[] {
  const lines: RatioLine[] = [];
  for (const ours of epochlab) {
    for (const theirs of torch) {
      if (theirs.workload !== ours.workload) continue;
      const reference = theirs[ours.metric];
      if (typeof reference !== 'number' || !(reference > 0)) continue;
      const ratio = ours.value / reference;
      // The targets are for what users get: the default path option.
      const target =
        ours.option === 'auto'
          ? RATIO_TARGETS.find((t) => t.workload === ours.workload && t.variant === theirs.variant)
          : undefined;
      lines.push({
        kind: 'ratio',
        workload: ours.workload,
        backend: ours.backend,
        path: ours.path,
        variant: theirs.variant,
        metric: ours.metric,
        ratio,
        ...(target === undefined
          ? {}
          : {
              target: target.atLeast,
              met: target.atLeast === 1 ? ratio > 1 : ratio >= target.atLeast,
            }),
      });
    }
  }
  return lines;
}
