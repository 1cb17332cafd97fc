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

/** Default runs per batch: big enough that one `trainMany` loop carries several configurations. */
export const DEFAULT_RUNS_PER_BATCH = 16;

/**
 * Groups configurations into batches that `runSweepBatch` trains at once:
 * configurations of the same shape (`batchShape`: layer sizes, activation,
 * loss, epochs... everything but the per-run fields), whole configurations
 * only (all their `seeds` runs together), up to `runsPerBatch` runs (at
 * least one configuration). Configurations of other shapes go to other
 * batches, so a grid over `hidden` is split automatically. Batches come in
 * the order of their first configuration.
 */
export function sweepBatches(
  configurations: readonly SweepConfiguration[],
  seeds: number,
  runsPerBatch = DEFAULT_RUNS_PER_BATCH,
): SweepConfiguration[][] {
  const batches: SweepConfiguration[][] = [];
  const open = new Map<string, SweepConfiguration[]>();
  for (const configuration of configurations) {
    const shape = batchShape(configuration);
    let batch = open.get(shape);
    if (batch === undefined || (batch.length + 1) * seeds > runsPerBatch) {
      batch = [];
      batches.push(batch);
      open.set(shape, batch);
    }
    batch.push(configuration);
  }
  return batches;
}
