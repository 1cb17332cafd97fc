import { EpochlabError } from '@epochlab/tensor';

/**
 * A mistake in how the command was called: a bad flag, value or config file.
 * The CLI prints its message as one line and exits with code 2.
 */
export class UsageError extends EpochlabError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
