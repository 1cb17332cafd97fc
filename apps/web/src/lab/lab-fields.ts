import {
  BATCH_SIZE_LAB,
  BATCH_SIZE_LAB_FIELDS,
  type BatchSizeLabConfig,
  ConfigError,
  type ConfigField,
  type ConfigProblem,
  defaultBatchSizeLabConfig,
  formatFieldValue,
  LAB_DATASET_OF_FIELD,
  parseBatchSizeLabConfig,
  parseFieldText,
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
 * size larger than `n`) is reported on the field the schema names. When the
 * default batch sizes do not fit the `n` given, that is reported on the batch
 * sizes with the schema's message (as the CLI refuses `--n 10` alone) and `n`
 * takes its default too: no batch size is dropped silently.
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
      // `n` below a default batch size: the schema's message on the batch sizes, then the defaults.
      if (!problems.some((problem) => problem.key === 'batchSizes')) {
        const defaults = formatFieldValue(defaultBatchSizeLabConfig().batchSizes);
        problems.push({ key: 'batchSizes', text: defaults, problem: first.problem });
      }
      values.delete('n');
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

function labIssues(values: ReadonlyMap<string, unknown>): ConfigError['issues'] {
  try {
    parseBatchSizeLabConfig({ experiment: BATCH_SIZE_LAB, ...Object.fromEntries(values) });
    return [];
  } catch (error) {
    if (ConfigError.isInstance(error)) return error.issues;
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
