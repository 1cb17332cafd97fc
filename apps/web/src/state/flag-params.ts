import { ConfigError, type ConfigField, parseFieldText } from '@epochlab/experiments';
import type { FieldProblem } from './field-validation.js';

/** A config read from a link's flag parameters, or the problems that kept it from validating. */
export interface FlagParamsResult<Config> {
  /** Undefined when any field was bad. */
  readonly config: Config | undefined;
  readonly problems: FieldProblem[];
}

/**
 * Reads the fields of a study or measurement from query parameters named by
 * their CLI flags (`batch-sizes=1,64`) over `base`, and validates the whole
 * with the experiment's own `parse`, so that a link and the CLI accept the
 * same values. Each schema issue becomes a problem with the text the link gave.
 */
export function parseFlagParams<Config>(
  fields: readonly ConfigField[],
  params: URLSearchParams,
  base: Readonly<Record<string, unknown>>,
  parse: (input: unknown) => Config,
): FlagParamsResult<Config> {
  const values: Record<string, unknown> = { ...base };
  const texts = new Map<string, string>();
  for (const field of fields) {
    const text = params.get(field.flag);
    if (text === null) continue;
    texts.set(field.key, text);
    values[field.key] = parseFieldText(field, text);
  }
  try {
    return { config: parse(values), problems: [] };
  } catch (error) {
    if (!ConfigError.isInstance(error)) throw error;
    const problems = error.issues.map((issue) => {
      const key = issue.field.split(/[.[]/)[0] ?? issue.field;
      return { key: issue.field, text: texts.get(key) ?? '', problem: issue.problem };
    });
    return { config: undefined, problems };
  }
}

/** A problem's field as the link writes it: `pathLr` -> `path-lr`, `batchSizes[1]` -> `batch-sizes[1]`. */
export function problemFlag(fields: readonly ConfigField[], field: string): string {
  const key = field.split(/[.[]/)[0] ?? field;
  const flag = fields.find((candidate) => candidate.key === key)?.flag ?? key;
  return `${flag}${field.slice(key.length)}`;
}
