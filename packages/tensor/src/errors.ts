/**
 * epochlab's error classes. Also the `@epochlab/tensor/errors` entry point: it imports nothing,
 * so code that only throws or recognises errors (a command line's parser) does not load
 * TensorFlow.js.
 */

/** The `Symbol.for` key every epochlab error carries; each class adds `epochlab.error.<Class>`. */
const epochlabMarker = 'epochlab.error';
const epochlabSymbol = Symbol.for(epochlabMarker);

/**
 * Base class of every error epochlab throws on purpose.
 *
 * Check errors with the static `isInstance` of the class you mean
 * (`EpochlabError.isInstance(e)`, `InvalidArgumentError.isInstance(e)`), not
 * `instanceof`: each class carries its own `Symbol.for` marker, which survives
 * duplicate installs. Apps use it to tell a user's mistake (print one line,
 * exit 2) from a bug (print the stack).
 */
export class EpochlabError extends Error {
  readonly [epochlabSymbol] = true;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EpochlabError';
  }

  /** True for an error from any copy of any epochlab package (including `ChartInputError`). */
  static isInstance(error: unknown): error is EpochlabError {
    return EpochlabError.hasMarker(error, epochlabMarker);
  }

  /**
   * True when `error` carries the `Symbol.for(marker)` property. Markers are
   * global symbols, so the check works across duplicate installs of a package,
   * where `instanceof` compares two different classes and says no.
   */
  protected static hasMarker(error: unknown, marker: string): boolean {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as Record<symbol, unknown>)[Symbol.for(marker)] === true
    );
  }
}

const invalidArgumentMarker = 'epochlab.error.InvalidArgumentError';
const invalidArgumentSymbol = Symbol.for(invalidArgumentMarker);

/**
 * A parameter, flag or config field holds a value outside what is allowed.
 * `parameter` names it the way the user wrote it (for example `batchSize`),
 * `allowed` says what would be accepted.
 */
export class InvalidArgumentError extends EpochlabError {
  readonly [invalidArgumentSymbol] = true;
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

  static override isInstance(error: unknown): error is InvalidArgumentError {
    return EpochlabError.hasMarker(error, invalidArgumentMarker);
  }
}

const unknownBackendMarker = 'epochlab.error.UnknownBackendError';
const unknownBackendSymbol = Symbol.for(unknownBackendMarker);

/** A backend name that epochlab does not know on this platform. */
export class UnknownBackendError extends EpochlabError {
  readonly [unknownBackendSymbol] = true;
  readonly backend: string;
  readonly validNames: readonly string[];

  constructor(backend: string, validNames: readonly string[], platform: string) {
    super(`unknown backend "${backend}" for ${platform}; valid backends: ${validNames.join(', ')}`);
    this.name = 'UnknownBackendError';
    this.backend = backend;
    this.validNames = validNames;
  }

  static override isInstance(error: unknown): error is UnknownBackendError {
    return EpochlabError.hasMarker(error, unknownBackendMarker);
  }
}

const backendUnavailableMarker = 'epochlab.error.BackendUnavailableError';
const backendUnavailableSymbol = Symbol.for(backendUnavailableMarker);

/**
 * A known backend that cannot start here. The message's first line says why;
 * the lines after it (`hint`) say how to make it available.
 */
export class BackendUnavailableError extends EpochlabError {
  readonly [backendUnavailableSymbol] = true;
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

  static override isInstance(error: unknown): error is BackendUnavailableError {
    return EpochlabError.hasMarker(error, backendUnavailableMarker);
  }
}

const backendNotInitialisedMarker = 'epochlab.error.BackendNotInitialisedError';
const backendNotInitialisedSymbol = Symbol.for(backendNotInitialisedMarker);

/** A tensor op ran before `initBackend` chose a backend. */
export class BackendNotInitialisedError extends EpochlabError {
  readonly [backendNotInitialisedSymbol] = true;
  constructor() {
    super(
      'no TensorFlow.js backend is active: call `await initBackend()` from @epochlab/tensor before creating tensors (or initBackend("cpu") for the bit-identical reference backend)',
    );
    this.name = 'BackendNotInitialisedError';
  }

  static override isInstance(error: unknown): error is BackendNotInitialisedError {
    return EpochlabError.hasMarker(error, backendNotInitialisedMarker);
  }
}

/**
 * Renders a value for an error message: strings quoted, long values cut. The
 * one helper every epochlab error message uses for "got ...".
 */
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
