import { z } from 'zod';
import { type ConfigField, fieldShape } from './config-field.js';
import { problemMessage } from './config-problem.js';

/**
 * The strict zod object of one experiment's config: `experiment` must be
 * `name`, every field takes its default when left out, and an unknown key
 * `is not a field of the <title>`.
 */
export function configSchema(name: string, title: string, fields: readonly ConfigField[]) {
  return z.strictObject(
    {
      experiment: z.literal(name, { error: problemMessage({ code: 'exactly', value: name }) }),
      ...fieldShape(fields),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? problemMessage({ code: 'unknownField', experiment: name, title })
          : undefined,
    },
  );
}
