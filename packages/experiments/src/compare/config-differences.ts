import { formatFieldValue } from '../config/field-text.js';
import { findExperiment } from '../experiments/experiment-list.js';

/** A config field whose value is not the same in every compared run. */
export interface ConfigDifference {
  /** The config key (`lr`), or `experiment`. */
  readonly field: string;
  /**
   * Each run's value as text (`0.01`, `12,12,16`), in the runs' order; `null`
   * where the run's experiment has no such field (a line's `slope` beside a sine).
   */
  readonly values: readonly (string | null)[];
}

/** The keys of a config in its experiment's field order, `experiment` first, unknown keys last. */
function orderedKeys(config: Readonly<Record<string, unknown>>): string[] {
  const fields = findExperiment(config.experiment)?.fields.map((field) => field.key) ?? [];
  const rest = Object.keys(config).filter((key) => key !== 'experiment' && !fields.includes(key));
  return ['experiment', ...fields.filter((key) => key in config), ...rest];
}

/**
 * The fields that differ between configs, in form order (the first config's
 * fields, then fields only later ones have): what a comparison table shows
 * beside the outcomes. Values are compared as their text form, so `[12, 12]`
 * equals `[12, 12]`; a field missing from some configs always differs.
 */
export function configDifferences(
  configs: readonly Readonly<Record<string, unknown>>[],
): ConfigDifference[] {
  const keys: string[] = [];
  for (const config of configs) {
    for (const key of orderedKeys(config)) if (!keys.includes(key)) keys.push(key);
  }
  const differences: ConfigDifference[] = [];
  for (const key of keys) {
    const values = configs.map((config) => (key in config ? formatFieldValue(config[key]) : null));
    if (values.some((value) => value !== values[0])) differences.push({ field: key, values });
  }
  return differences;
}
