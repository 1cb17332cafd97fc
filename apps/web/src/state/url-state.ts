import type { RunConfig } from '@epochlab/experiments';
import {
  type CheckedConfig,
  configFromTexts,
  FIRST_EXPERIMENT,
  fieldsOf,
  isExperimentName,
} from './field-validation.js';
import { readQueryState, writeQueryState } from './query-state.js';
import type { WebBackend } from './web-backend.js';

export { WEB_BACKENDS, type WebBackend } from './web-backend.js';

/** Everything a shared link holds. */
export interface UrlState extends CheckedConfig {
  readonly backend: WebBackend;
}

/**
 * Reads the config and backend from a query string (`?experiment=line&epochs=200&batch-size=5`).
 * Parameters are the CLI's flag names; values use the CLI's text forms
 * (`hidden=12,12,16`). A value that does not validate is reported in `problems`
 * and that field alone falls back to its default.
 */
export function readUrlState(search: string): UrlState {
  return readQueryState(search, {
    fields: (params) => {
      const name = params.get('experiment') ?? '';
      return fieldsOf(isExperimentName(name) ? name : FIRST_EXPERIMENT);
    },
    fromTexts: (texts, params) => configFromTexts(params.get('experiment') ?? undefined, texts),
    defaultBackend: 'auto',
  });
}

/**
 * The query string for a config and backend: every field of the experiment
 * (defaults included, so the link still reproduces the run if defaults change).
 */
export function writeUrlState(config: RunConfig, backend: WebBackend): string {
  return writeQueryState(config.experiment, fieldsOf(config.experiment), config, backend);
}
