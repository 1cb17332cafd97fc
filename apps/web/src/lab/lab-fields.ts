import {
  BATCH_SIZE_LAB,
  BATCH_SIZE_LAB_FIELDS,
  type BatchSizeLabConfig,
  type BatchSizeOption,
  ConfigError,
  type ConfigField,
  type ConfigProblem,
  defaultBatchSizeLabConfig,
  formatFieldValue,
  LAB_DATASET_OF_FIELD,
  parseBatchSizeLabConfig,
  parseFieldText,
  resolveBatchSize,
} from '@epochlab/experiments';
import type { FieldProblem } from '../state/field-validation.js';

/** A lab config built field by field: every good field kept, every bad one reported and defaulted. */
export interface CheckedLabConfig {
  readonly config: BatchSizeLabConfig;
  readonly problems: readonly FieldProblem[];
}

/** Whether the form shows this field for the chosen dataset (the config keeps it either way). */
export function labFieldApplies(field: ConfigField, dataset: string): boolean {
  const only = LAB_DATASET_OF_FIELD[field.key];
  return only === undefined || only === dataset;
}

/** The config key a schema issue is about: `batchSizes[2]` → `batchSizes`. */
function issueKey(field: string): string {
  return field.split(/[.[]/)[0] ?? field;
}

/**
 * Builds a lab config from the text of each field (form inputs or URL
 * parameters), validated by the lab's schema (the one the CLI uses). A
 * missing field takes its default; a field whose text does not validate is
 * reported and takes its default too, so one bad value never throws away the
 * others. Fields are checked together, so a rule between two fields (a batch
 * size larger than `n`) is reported on the field the schema names. When only
 * `n` is given and it is smaller than a default batch size, the batch sizes
 * default to those of the defaults that fit.
 */
export function labConfigFromTexts(texts: ReadonlyMap<string, string>): CheckedLabConfig {
  const values = new Map<string, unknown>();
  const given = new Map<string, string>();
  for (const field of BATCH_SIZE_LAB_FIELDS) {
    const text = texts.get(field.key);
    if (text === undefined) continue;
    values.set(field.key, parseFieldText(field, text));
    given.set(field.key, text);
  }
  const problems: FieldProblem[] = [];
  const report = (key: string, problem: ConfigProblem) => {
    problems.push({ key, text: given.get(key) ?? '', problem });
    values.delete(key);
  };
  // Each pass drops at least one field, so this ends.
  for (let pass = 0; pass <= BATCH_SIZE_LAB_FIELDS.length; pass++) {
    const issues = labIssues(values);
    if (issues.length === 0) break;
    const named = issues.filter((issue) => values.has(issueKey(issue.field)));
    if (named.length > 0) {
      const seen = new Set<string>();
      for (const issue of named) {
        const key = issueKey(issue.field);
        if (seen.has(key)) continue;
        seen.add(key);
        report(key, issue.problem);
      }
      continue;
    }
    // The issue is on a field left at its default, caused by another field's value.
    const first = issues[0];
    if (first && issueKey(first.field) === 'batchSizes' && !values.has('batchSizes')) {
      // `n` below a default batch size: the default sizes that fit this `n`.
      values.set('batchSizes', fittingBatchSizes(values.get('n')));
      continue;
    }
    // Otherwise drop the first given field whose removal clears it, and report
    // the schema's message there.
    const culprit = [...values.keys()].find((key) => {
      const without = new Map(values);
      without.delete(key);
      return !labIssues(without).some((issue) => issue.field === first?.field);
    });
    if (culprit === undefined || first === undefined) {
      for (const key of [...values.keys()]) report(key, first?.problem ?? { code: 'invalid' });
      break;
    }
    report(culprit, first.problem);
  }
  const config = parseBatchSizeLabConfig({
    experiment: BATCH_SIZE_LAB,
    ...Object.fromEntries(values),
  });
  const order: string[] = BATCH_SIZE_LAB_FIELDS.map((field) => field.key);
  problems.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return { config, problems };
}

/** The default batch sizes that fit `n` points, without repeats once `full` is `n`. */
function fittingBatchSizes(n: unknown): BatchSizeOption[] {
  const defaults = defaultBatchSizeLabConfig().batchSizes;
  if (typeof n !== 'number') return [...defaults];
  const seen = new Set<number>();
  return defaults.filter((option) => {
    const size = resolveBatchSize(option, n);
    if (size > n || seen.has(size)) return false;
    seen.add(size);
    return true;
  });
}

function labIssues(values: ReadonlyMap<string, unknown>): ConfigError['issues'] {
  try {
    parseBatchSizeLabConfig({ experiment: BATCH_SIZE_LAB, ...Object.fromEntries(values) });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
}

/** Every field's text for a config (the form's and the URL's text forms). */
export function labTexts(config: BatchSizeLabConfig): Map<string, string> {
  const values = config as unknown as Record<string, unknown>;
  return new Map(
    BATCH_SIZE_LAB_FIELDS.map((field) => [field.key, formatFieldValue(values[field.key])]),
  );
}
