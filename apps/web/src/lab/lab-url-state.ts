import {
  BATCH_SIZE_LAB,
  BATCH_SIZE_LAB_FIELDS,
  type BatchSizeLabConfig,
} from '@epochlab/experiments';
import { readQueryState, writeQueryState } from '../state/query-state.js';
import type { WebBackend } from '../state/web-backend.js';
import { type CheckedLabConfig, labConfigFromTexts } from './lab-fields.js';

/** Everything a link to the lab holds. */
export interface LabUrlState extends CheckedLabConfig {
  readonly backend: WebBackend;
}

/**
 * The lab's backend when the link names none: `cpu`. The lab trains many tiny
 * models, where the fused path on typed arrays (cpu, wasm) is far faster than
 * a GPU backend's per-op overhead, and cpu gives the CLI's numbers.
 */
export const LAB_DEFAULT_BACKEND: WebBackend = 'cpu';

/** Whether a query string opens the batch-size lab (`?experiment=batch-size`). */
export function isLabUrl(search: string): boolean {
  return new URLSearchParams(search).get('experiment') === BATCH_SIZE_LAB;
}

/**
 * Reads the lab's config and backend from a query string
 * (`?experiment=batch-size&epochs=20&batch-sizes=1,5,full`). Parameters are
 * the CLI's flag names, values its text forms. A value that does not validate
 * is reported in `problems` and that field alone falls back to its default.
 */
export function readLabUrlState(search: string): LabUrlState {
  return readQueryState(search, {
    fields: () => BATCH_SIZE_LAB_FIELDS,
    fromTexts: (texts) => labConfigFromTexts(texts),
    defaultBackend: LAB_DEFAULT_BACKEND,
  });
}

/**
 * The query string for a lab config and backend: `experiment=batch-size` and
 * every field (defaults included, so the link still reproduces the lab if
 * defaults change).
 */
export function writeLabUrlState(config: BatchSizeLabConfig, backend: WebBackend): string {
  return writeQueryState(BATCH_SIZE_LAB, BATCH_SIZE_LAB_FIELDS, config, backend);
}
