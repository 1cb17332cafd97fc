import { countTensors, initBackend } from '@epochlab/tensor';
import type { TrainingPathOption } from '@epochlab/train';
import { runWorkload, WORKLOAD_METRICS, type WorkloadId } from './workloads.js';

/** One epochlab measurement, as `run-bench` prints it. */
export interface EpochlabMeasurement {
  readonly kind: 'epochlab';
  readonly workload: WorkloadId;
  readonly backend: string;
  /** The `trainingPath` option asked for: `auto` (what users get) or `generic` (forced, for comparison). */
  readonly option: TrainingPathOption;
  /** The path that ran (`result.trainingPath`). */
  readonly path: string;
  readonly metric: string;
  readonly value: number;
  readonly seconds: number;
  readonly final_train: number | null;
  readonly peak_rss_mb: number;
  readonly tensors_before: number;
  readonly tensors_after: number;
}

/**
 * Measures one workload on one backend in this process: starts the backend,
 * runs the workload, and reports its throughput, the process's peak RSS and
 * the live tensor count before and after.
 */
export async function measureWorkload(
  workload: WorkloadId,
  backend: string,
  trainingPath: TrainingPathOption,
): Promise<EpochlabMeasurement> {
  const choice = await initBackend(backend);
  const before = countTensors();
  const timing = await runWorkload(workload, trainingPath);
  return {
    kind: 'epochlab',
    workload,
    backend: choice.name,
    option: trainingPath,
    path: timing.trainingPath,
    metric: WORKLOAD_METRICS[workload],
    value: timing.value,
    seconds: timing.seconds,
    final_train: timing.finalTrainLoss,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
    tensors_before: before,
    tensors_after: countTensors(),
  };
}
