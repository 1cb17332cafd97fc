import { type ConfigField, runCommandLine } from '@epochlab/experiments';
import type { WebBackend } from './web-backend.js';

/** Backends the CLI accepts too; webgl and webgpu exist only in browsers. */
const CLI_BACKENDS: readonly WebBackend[] = ['cpu', 'wasm'];

/**
 * The `epochlab run <experiment>` command line for a config (`runCommandLine`
 * of `@epochlab/experiments`), plus `--backend` when the page uses one the
 * CLI has (`cpu`, `wasm`).
 */
export function buildCliCommand(
  experiment: string,
  fields: readonly ConfigField[],
  config: object,
  defaults: object,
  backend: WebBackend,
): string {
  return runCommandLine(
    experiment,
    fields,
    config,
    defaults,
    CLI_BACKENDS.includes(backend) ? backend : undefined,
  );
}
