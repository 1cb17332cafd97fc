import { type ConfigField, formatFieldValue } from '@epochlab/experiments';
import type { FieldProblem } from './field-validation.js';
import { WEB_BACKENDS, type WebBackend } from './web-backend.js';

/** A config built from texts: every good field kept, every bad one reported and defaulted. */
export interface CheckedTexts<Config> {
  readonly config: Config;
  readonly problems: readonly FieldProblem[];
}

/** A config, its problems and the backend, as read from a query string. */
export interface QueryState<Config> extends CheckedTexts<Config> {
  readonly backend: WebBackend;
}

/** How one page's query string maps to its config. */
export interface QueryStateReader<Config> {
  /** The fields to read from the parameters (may depend on them, e.g. on `experiment`). */
  readonly fields: (params: URLSearchParams) => readonly ConfigField[];
  /** Builds the config from the texts found, keyed by config key, validated by the page's schema. */
  readonly fromTexts: (
    texts: ReadonlyMap<string, string>,
    params: URLSearchParams,
  ) => CheckedTexts<Config>;
  /** The backend when the query names none. */
  readonly defaultBackend: WebBackend;
}

/**
 * Reads a config and backend from a query string. Parameters are the CLI's
 * flag names, values its text forms. A field value that does not validate is
 * reported in `problems` (by `fromTexts`) and an unknown backend is reported
 * too and falls back to `defaultBackend`.
 */
export function readQueryState<Config>(
  search: string,
  reader: QueryStateReader<Config>,
): QueryState<Config> {
  const params = new URLSearchParams(search);
  const texts = new Map<string, string>();
  for (const field of reader.fields(params)) {
    const text = params.get(field.flag);
    if (text !== null) texts.set(field.key, text);
  }
  const checked = reader.fromTexts(texts, params);
  const problems = [...checked.problems];
  let backend = reader.defaultBackend;
  const backendText = params.get('backend');
  if (backendText !== null) {
    if ((WEB_BACKENDS as readonly string[]).includes(backendText)) {
      backend = backendText as WebBackend;
    } else {
      problems.push({
        key: 'backend',
        text: backendText,
        problem: { code: 'oneOf', choices: WEB_BACKENDS },
      });
    }
  }
  return { config: checked.config, problems, backend };
}

/**
 * The query string for a config and backend: `experiment`, then every field
 * (defaults included, so the link still reproduces the run if defaults
 * change), then `backend`.
 */
export function writeQueryState(
  experiment: string,
  fields: readonly ConfigField[],
  config: object,
  backend: WebBackend,
): string {
  const params = new URLSearchParams();
  params.set('experiment', experiment);
  const values = config as Record<string, unknown>;
  for (const field of fields) {
    params.set(field.flag, formatFieldValue(values[field.key]));
  }
  params.set('backend', backend);
  return `?${params.toString()}`;
}
