import type { Variable } from '@epochlab/tensor';
import type { LossPoint } from '../loop/training-result.js';
import type { EarlyStoppingOptions } from './early-stopping-options.js';
import { WeightSnapshot } from './weight-snapshot.js';

/** Early stopping options with every field decided. */
export type ResolvedEarlyStopping = Required<EarlyStoppingOptions>;

/**
 * Follows the monitored loss, keeps the best one (and, when restoring is
 * asked for, a snapshot of the weights that produced it) and says when to stop.
 */
export class EarlyStoppingMonitor {
  readonly options: ResolvedEarlyStopping;
  private bestPoint: LossPoint | undefined;
  private readonly snapshot: WeightSnapshot | undefined;

  constructor(options: ResolvedEarlyStopping, variables: readonly Variable[]) {
    this.options = options;
    this.snapshot = options.restoreBestWeights ? new WeightSnapshot(variables) : undefined;
  }

  /** The best monitored loss so far and its epoch. */
  get best(): LossPoint | undefined {
    return this.bestPoint;
  }

  /** Records the monitored loss of `epoch`; returns true when training should stop. */
  observe(epoch: number, loss: number): boolean {
    if (this.bestPoint === undefined || loss < this.bestPoint.loss - this.options.minDelta) {
      this.bestPoint = { epoch, loss };
      this.snapshot?.capture();
      return false;
    }
    return epoch - this.bestPoint.epoch >= this.options.patience;
  }

  /**
   * Puts the best weights back if the options ask for it when a run ends
   * with `stoppedEarlyOrDiverged` as given; returns the epoch restored from.
   */
  restoreIfAsked(stoppedEarlyOrDiverged: boolean): number | undefined {
    const { restoreBestWeights } = this.options;
    const asked = restoreBestWeights === 'always' || (restoreBestWeights && stoppedEarlyOrDiverged);
    if (!asked || this.snapshot === undefined || !this.snapshot.captured) return undefined;
    this.snapshot.restore();
    return this.bestPoint?.epoch;
  }

  /** Frees the snapshot. */
  dispose(): void {
    this.snapshot?.release();
  }
}
