import { EpochlabError } from '@epochlab/tensor/errors';

const usageErrorMarker = 'epochlab.error.UsageError';
const usageErrorSymbol = Symbol.for(usageErrorMarker);

/**
 * A mistake in how the command was called: a bad flag, value or config file.
 * The CLI prints its message as one line and exits with code 2.
 */
export class UsageError extends EpochlabError {
  readonly [usageErrorSymbol] = true;

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }

  /** True for a `UsageError` from any copy of this package. */
  static override isInstance(error: unknown): error is UsageError {
    return EpochlabError.hasMarker(error, usageErrorMarker);
  }
}
