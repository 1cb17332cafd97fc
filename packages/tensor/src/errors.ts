const marker = Symbol.for('epochlab.error');

/**
 * Base class of every error epochlab throws on purpose.
 *
 * `EpochlabError.isInstance(e)` works across duplicate installs of the package
 * (it checks a `Symbol.for` marker, not the prototype chain). Apps use it to tell
 * a user's mistake (print one line, exit 2) from a bug (print the stack).
 */
export class EpochlabError extends Error {
  readonly [marker] = true;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EpochlabError';
  }

  static isInstance(error: unknown): error is EpochlabError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/**
 * A parameter, flag or config field holds a value outside what is allowed.
 * `parameter` names it the way the user wrote it (for example `batchSize`),
 * `allowed` says what would be accepted.
 */
export class InvalidArgumentError extends EpochlabError {
  readonly parameter: string;
  readonly allowed: string;
  readonly value: unknown;

  constructor(parameter: string, allowed: string, value: unknown) {
    super(`${parameter} must be ${allowed}; got ${describeValue(value)}`);
    this.name = 'InvalidArgumentError';
    this.parameter = parameter;
    this.allowed = allowed;
    this.value = value;
  }
}

/** A backend name that epochlab does not know on this platform. */
export class UnknownBackendError extends EpochlabError {
  readonly backend: string;
  readonly validNames: readonly string[];

  constructor(backend: string, validNames: readonly string[], platform: string) {
    super(`unknown backend "${backend}" for ${platform}; valid backends: ${validNames.join(', ')}`);
    this.name = 'UnknownBackendError';
    this.backend = backend;
    this.validNames = validNames;
  }
}

/** A known backend that cannot start here; `hint` says how to make it available. */
export class BackendUnavailableError extends EpochlabError {
  readonly backend: string;
  readonly reason: string;
  readonly hint: string;

  constructor(backend: string, reason: string, hint: string, options?: ErrorOptions) {
    super(`backend "${backend}" is not available: ${reason}${hint ? `\n${hint}` : ''}`, options);
    this.name = 'BackendUnavailableError';
    this.backend = backend;
    this.reason = reason;
    this.hint = hint;
  }
}

/** Renders a value for an error message: strings quoted, long values cut. */
export function describeValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    text = String(value);
  else if (value === undefined) text = 'nothing';
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
