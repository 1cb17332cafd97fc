import {
  BATCH_SIZE_LAB,
  BATCH_SIZE_LAB_FIELDS,
  type BatchSizeLabConfig,
  defaultBatchSizeLabConfig,
} from '@epochlab/experiments';
import { buildCliCommand } from '../state/cli-command-line.js';
import type { WebBackend } from '../state/web-backend.js';

/**
 * The `epochlab run batch-size` command line for the same lab: every field
 * that differs from its default as the CLI's flags (`--no-shuffle` for false
 * booleans, `--path-start=-1,-1.5` when the text starts with a minus), plus
 * `--backend` when the page uses one the CLI has (`cpu`, `wasm`).
 */
export function labCliCommand(config: BatchSizeLabConfig, backend: WebBackend): string {
  return buildCliCommand(
    BATCH_SIZE_LAB,
    BATCH_SIZE_LAB_FIELDS,
    config,
    defaultBatchSizeLabConfig(),
    backend,
  );
}
