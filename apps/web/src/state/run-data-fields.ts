import type { ExperimentConfig } from '@epochlab/experiments';
import { fieldsOf } from './field-validation.js';

/**
 * Whether going from `before` to `after` changes the points a run trains on:
 * another experiment, or a field of the `data` group (`n`, `valN`, `sigma`,
 * `range`, `seed`, the function's own fields). A finished run's points, model
 * and summary then no longer belong to the form.
 */
export function changesData(before: ExperimentConfig, after: ExperimentConfig): boolean {
  if (before.experiment !== after.experiment) return true;
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  return fieldsOf(after.experiment)
    .filter((field) => field.group === 'data')
    .some((field) => JSON.stringify(a[field.key]) !== JSON.stringify(b[field.key]));
}
