import { defaultConfig, type ExperimentConfig } from '@epochlab/experiments';
import { buildCliCommand } from './cli-command-line.js';
import { fieldsOf } from './field-validation.js';
import type { WebBackend } from './web-backend.js';

/**
 * The `epochlab run` command line for the same config: the experiment and
 * every field that differs from its default, as the CLI's flags (`--no-shuffle`
 * for false booleans, `--slope=-2` for negative numbers), plus
 * `--backend` when the page uses one the CLI has (`cpu`, `wasm`).
 */
export function cliCommand(config: ExperimentConfig, backend: WebBackend): string {
  return buildCliCommand(
    config.experiment,
    fieldsOf(config.experiment),
    config,
    defaultConfig(config.experiment),
    backend,
  );
}
