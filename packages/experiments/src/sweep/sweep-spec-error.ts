import { EpochlabError } from '@epochlab/tensor/errors';

const sweepSpecErrorMarker = 'epochlab.error.SweepSpecError';
const sweepSpecErrorSymbol = Symbol.for(sweepSpecErrorMarker);

/**
 * A sweep that cannot run as asked: an empty list, a field the experiment
 * does not have or that cannot vary, a grid too large, a bad shard, shards
 * that do not belong together. The message is one line naming the flag (or
 * the sweep file's field) and what is allowed; apps print it as it is.
 */
export class SweepSpecError extends EpochlabError {
  readonly [sweepSpecErrorSymbol] = true;

  constructor(message: string) {
    super(message);
    this.name = 'SweepSpecError';
  }

  /** True for a `SweepSpecError` from any copy of this package. */
  static override isInstance(error: unknown): error is SweepSpecError {
    return EpochlabError.hasMarker(error, sweepSpecErrorMarker);
  }
}
