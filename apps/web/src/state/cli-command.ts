import { defaultConfig, type ExperimentConfig, formatFieldValue } from '@epochlab/experiments';
import { fieldsOf } from './field-validation.js';
import type { WebBackend } from './url-state.js';

/** Backends the CLI accepts too; webgl and webgpu exist only in browsers. */
const CLI_BACKENDS: readonly WebBackend[] = ['cpu', 'wasm'];

/**
 * The `epochlab run` command line for the same config: the experiment and
 * every field that differs from its default, as the CLI's flags (`--no-shuffle`
 * for false booleans, `--slope=-2` for negative numbers), plus
 * `--backend` when the page uses one the CLI has (`cpu`, `wasm`).
 */
export function cliCommand(config: ExperimentConfig, backend: WebBackend): string {
  const defaults = defaultConfig(config.experiment) as unknown as Record<string, unknown>;
  const values = config as unknown as Record<string, unknown>;
  const parts = ['epochlab', 'run', config.experiment];
  for (const field of fieldsOf(config.experiment)) {
    const text = formatFieldValue(values[field.key]);
    if (text === formatFieldValue(defaults[field.key])) continue;
    if (field.kind === 'boolean') {
      parts.push(values[field.key] ? `--${field.flag}` : `--no-${field.flag}`);
    } else if (text.startsWith('-')) {
      parts.push(`--${field.flag}=${text}`); // a negative number must not read as a flag
    } else {
      // Numbers, comma lists and plain names: nothing a shell would split or expand.
      parts.push(`--${field.flag}`, text);
    }
  }
  if (CLI_BACKENDS.includes(backend)) parts.push('--backend', backend);
  return parts.join(' ');
}
