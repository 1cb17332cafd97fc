import type { RunConfig } from '@epochlab/experiments';
import { buildCliCommand } from './cli-command-line.js';
import { fieldsOf, formConfig } from './field-validation.js';
import { POINTS_FILES } from './points-csv.js';
import type { WebBackend } from './web-backend.js';

/**
 * The `epochlab run` command line for the same config: the experiment and
 * every field that differs from its default, as the CLI's flags (`--no-shuffle`
 * for false booleans, `--slope=-2` for negative numbers), plus
 * `--backend` when the page uses one the CLI has (`cpu`, `wasm`).
 */
export function cliCommand(config: RunConfig, backend: WebBackend): string {
  const command = buildCliCommand(
    config.experiment,
    fieldsOf(config.experiment),
    config,
    formConfig(config.experiment),
    backend,
  );
  if (config.experiment !== 'data') return command;
  // The data experiment reads its points from files: the ones the page's data panel saves.
  const files = [`--data ${POINTS_FILES.train}`];
  if (config.validationPoints) files.push(`--val-data ${POINTS_FILES.validation}`);
  return command.replace(/^epochlab run data/, `epochlab run data ${files.join(' ')}`);
}
