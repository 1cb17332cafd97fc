import type { ConfigField } from '../config/config-field.js';
import { experimentOf } from '../experiments/experiment-list.js';
import type { SweepConfiguration } from './sweep-grid.js';

/**
 * The fields `trainMany` lets each run have its own: its data (every field of
 * the `data` group, the seed included), its loader and its optimizer. Any
 * other field (the layer sizes, the loss, the epochs, and every field added
 * later) is shared by a batch, so configurations that differ in it never
 * train together.
 */
const PER_RUN_KEYS: ReadonlySet<string> = new Set([
  'batchSize',
  'shuffle',
  'optimizer',
  'lr',
  'momentum',
]);

function isPerRun(field: ConfigField): boolean {
  return field.group === 'data' || PER_RUN_KEYS.has(field.key);
}

/** What configurations must share to train in one `trainMany` call. */
export function batchShape(configuration: SweepConfiguration): string {
  const config = configuration.config as unknown as Record<string, unknown>;
  const shared = experimentOf(configuration.config)
    .fields.filter((field) => !isPerRun(field))
    .map((field) => [field.key, config[field.key]]);
  return JSON.stringify([configuration.config.experiment, shared]);
}

/** Most runs per batch by default: one `trainMany` loop carries a few configurations. */
export const DEFAULT_RUNS_PER_BATCH = 16;

/**
 * A rough cost of one run of a configuration, for ordering work only: its
 * training steps plus one per epoch (shuffling, the epoch's loss, validation).
 * For the notebook's small networks a step's fixed cost outweighs its
 * arithmetic, so steps, not multiply-adds, set the time.
 */
export function runCost(configuration: SweepConfiguration): number {
  const { epochs, n, batchSize } = configuration.config;
  return epochs * (Math.ceil(n / Math.min(batchSize, n)) + 1);
}

/**
 * The batches of a sweep on `workers` threads, in the order to hand them out:
 * the costliest configurations first (`runCost`), and batches that shrink
 * as the work left shrinks (guided self-scheduling: half of each thread's
 * remaining share of configurations, at most `maxRunsPerBatch` runs, at
 * least one configuration), so that the threads end at about the same time
 * instead of one finishing a large batch while the others wait. Only
 * configurations of the same shape (`batchShape`) share a batch. A run
 * computes the same numbers in any batch, so the results do not depend on
 * the schedule.
 */
export function sweepBatches(
  configurations: readonly SweepConfiguration[],
  seeds: number,
  workers: number,
  maxRunsPerBatch = DEFAULT_RUNS_PER_BATCH,
): SweepConfiguration[][] {
  const costliestFirst = [...configurations].sort(
    (a, b) => runCost(b) - runCost(a) || a.index - b.index,
  );
  const byShape = new Map<string, SweepConfiguration[]>();
  for (const configuration of costliestFirst) {
    const shape = batchShape(configuration);
    byShape.set(shape, [...(byShape.get(shape) ?? []), configuration]);
  }
  const queues = [...byShape.values()];
  const most = Math.max(1, Math.floor(maxRunsPerBatch / seeds));
  const batches: SweepConfiguration[][] = [];
  for (let left = costliestFirst.length; left > 0; ) {
    // The queue whose next configuration costs most (queues are in cost order, so: its head).
    const queue = queues.reduce((a, b) =>
      a[0] === undefined || (b[0] !== undefined && runCost(b[0]) > runCost(a[0])) ? b : a,
    );
    const size = Math.min(most, Math.ceil(left / (2 * Math.max(1, workers))));
    const batch = queue.splice(0, size);
    batches.push(batch);
    left -= batch.length;
  }
  return batches;
}
