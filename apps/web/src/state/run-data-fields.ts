import type { RunConfig } from '@epochlab/experiments';
import { fieldsOf } from './field-validation.js';

/**
 * Whether going from `before` to `after` changes the points a run trains on:
 * another experiment, a field of the `data` group (`n`, `valN`, `sigma`,
 * `range`, `seed`, the function's own fields), or the points themselves (the
 * data experiment's `points` and `validationPoints`, which are no form
 * fields). A finished run's points, model and summary then no longer belong
 * to the form.
 */
export function changesData(before: RunConfig, after: RunConfig): boolean {
  if (before.experiment !== after.experiment) return true;
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  const fields = fieldsOf(after.experiment);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const field = fields.find((candidate) => candidate.key === key);
    if (field !== undefined && field.group !== 'data') continue;
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return true;
  }
  return false;
}
