import { type ExperimentConfig, formatFieldValue } from '@epochlab/experiments';
import { type CheckedConfig, configFromTexts, fieldsOf } from './field-validation.js';

/** Backend names a page can ask for, `auto` first. */
export const WEB_BACKENDS = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
/** A backend name the page can ask for. */
export type WebBackend = (typeof WEB_BACKENDS)[number];

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
  const params = new URLSearchParams(search);
  const experimentText = params.get('experiment') ?? undefined;
  const texts = new Map<string, string>();
  const candidate = experimentText === 'polynomial' ? 'polynomial' : 'line';
  for (const field of fieldsOf(candidate)) {
    const text = params.get(field.flag);
    if (text !== null) texts.set(field.key, text);
  }
  const checked = configFromTexts(experimentText, texts);
  const backendText = params.get('backend');
  let backend: WebBackend = 'auto';
  const problems = [...checked.problems];
  if (backendText !== null) {
    if ((WEB_BACKENDS as readonly string[]).includes(backendText)) {
      backend = backendText as WebBackend;
    } else {
      problems.push({
        key: 'backend',
        text: backendText,
        problem: `must be one of ${WEB_BACKENDS.join(', ')}`,
      });
    }
  }
  return { config: checked.config, problems, backend };
}

/**
 * The query string for a config and backend: every field of the experiment
 * (defaults included, so the link still reproduces the run if defaults change).
 */
export function writeUrlState(config: ExperimentConfig, backend: WebBackend): string {
  const params = new URLSearchParams();
  params.set('experiment', config.experiment);
  const values = config as unknown as Record<string, unknown>;
  for (const field of fieldsOf(config.experiment)) {
    params.set(field.flag, formatFieldValue(values[field.key]));
  }
  params.set('backend', backend);
  return `?${params.toString()}`;
}
