import { meanBand } from './band-statistics.js';
import { stepsAfterEpoch } from './batch-size-groups.js';
import type { BatchSizeGroup } from './batch-size-lab-result.js';

/** What a band chart of the lab shows: training or validation loss, gradient cosine or variance. */
export type LabBandKind = 'train' | 'val' | 'cosine' | 'variance';

/** Where a loss band puts its x: the epoch, or the gradient steps taken by the end of it. */
export type LabBandAxis = 'epoch' | 'step';

/** One point of a drawn band: the mean over seeds and the band around it (`meanBand`). */
export interface LabBandPoint {
  readonly x: number;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

/**
 * The points one batch size draws in a band chart of the lab, as both apps
 * draw them: the mean over seeds with one standard deviation either side,
 * kept within the seeds' range. Losses go against epochs, or (`axis`
 * `'step'`) against the gradient steps taken by the end of each epoch,
 * `(epoch + 1) * stepsPerEpoch`; the gradient cosine and variance go against
 * the epoch they were measured after.
 *
 * @example
 * labBandPoints(group, 'train', 'step'); // batch size 4 of 12 points: x = 3, 6, 9, ...
 */
export function labBandPoints(
  group: BatchSizeGroup,
  kind: LabBandKind,
  axis: LabBandAxis = 'epoch',
): LabBandPoint[] {
  if (kind === 'cosine' || kind === 'variance') {
    return group.noise.map((point) => ({ x: point.epoch, ...meanBand(point[kind]) }));
  }
  const x = (epoch: number) =>
    axis === 'step' ? stepsAfterEpoch(epoch, group.stepsPerEpoch) : epoch;
  return group[kind].map((point) => ({ x: x(point.x), ...meanBand(point) }));
}
