import { describeValue, InvalidArgumentError } from '@epochlab/tensor';

/** One problem with one field of an experiment config. */
export interface ConfigIssue {
  /** The field's name in the config (`batchSize`, `coefficients[1]`...). */
  readonly field: string;
  /** What is allowed, as a phrase: `must be a whole number from 1 to 1000000`. */
  readonly problem: string;
  /** The value that was given, if any. */
  readonly value: unknown;
}

const configErrorMarker = 'epochlab.error.ConfigError';
const configErrorSymbol = Symbol.for(configErrorMarker);

/**
 * An experiment config that does not validate. `issues` lists every problem;
 * the message names the first field and what is allowed, so an app can print
 * it as one line.
 */
export class ConfigError extends InvalidArgumentError {
  readonly [configErrorSymbol] = true;
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    const first = issues[0] ?? { field: 'config', problem: 'is not valid', value: undefined };
    super(first.field, first.problem.replace(/^must be /, ''), first.value);
    this.name = 'ConfigError';
    this.issues = issues;
    const more =
      issues.length > 1
        ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})`
        : '';
    this.message = `${formatIssue(first)}${more}`;
  }

  /** True for a `ConfigError` from any copy of this package (a `Symbol.for` marker, not `instanceof`). */
  static override isInstance(error: unknown): error is ConfigError {
    return InvalidArgumentError.hasMarker(error, configErrorMarker);
  }
}

/** `field problem; got value`, for one issue. */
export function formatIssue(issue: ConfigIssue, fieldName = issue.field): string {
  const got = issue.value === undefined ? '' : `; got ${describeValue(issue.value)}`;
  return `${fieldName} ${issue.problem}${got}`;
}
