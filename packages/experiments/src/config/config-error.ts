import { describeValue, InvalidArgumentError } from '@epochlab/tensor/errors';
import { type ConfigProblem, problemText } from './config-problem.js';

/** One problem with one field of an experiment config. */
export interface ConfigIssue {
  /** The field's name in the config (`batchSize`, `coefficients[1]`...). */
  readonly field: string;
  /** What is allowed, as a code and its parameters (`{ code: 'wholeNumber', min: 1, max: 1000000 }`). */
  readonly problem: ConfigProblem;
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
    const first: ConfigIssue = issues[0] ?? {
      field: 'config',
      problem: { code: 'invalid' },
      value: undefined,
    };
    super(first.field, problemText(first.problem).replace(/^must be /, ''), first.value);
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

/** `field problem; got value`, in English, for one issue. */
export function formatIssue(issue: ConfigIssue, fieldName = issue.field): string {
  const got = issue.value === undefined ? '' : `; got ${describeValue(issue.value)}`;
  return `${fieldName} ${problemText(issue.problem)}${got}`;
}
