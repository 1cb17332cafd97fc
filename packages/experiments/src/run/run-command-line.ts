import type { ConfigField } from '../config/config-field.js';
import { formatFieldValue } from '../config/field-text.js';

/**
 * The `epochlab run <experiment>` command line for a config: every field that
 * differs from its default as the CLI's flags (`--no-shuffle` for false
 * booleans, `--slope=-2` when the text starts with a minus), then
 * `--backend <backend>` when given. What the web page's "Copy CLI command"
 * and a sweep's `best.json` show.
 */
export function runCommandLine(
  experiment: string,
  fields: readonly ConfigField[],
  config: object,
  defaults: object,
  backend?: string,
): string {
  const values = config as Record<string, unknown>;
  const defaultValues = defaults as Record<string, unknown>;
  const parts = ['epochlab', 'run', experiment];
  for (const field of fields) {
    const text = formatFieldValue(values[field.key]);
    if (text === formatFieldValue(defaultValues[field.key])) continue;
    if (field.kind === 'boolean') {
      parts.push(values[field.key] ? `--${field.flag}` : `--no-${field.flag}`);
    } else if (text.startsWith('-')) {
      parts.push(`--${field.flag}=${text}`); // a negative number must not read as a flag
    } else {
      // Numbers, comma lists and plain names: nothing a shell would split or expand.
      parts.push(`--${field.flag}`, text);
    }
  }
  if (backend !== undefined) parts.push('--backend', backend);
  return parts.join(' ');
}
