import {
  type BatchSizeGroup,
  type BatchSizeGroupInfo,
  type LabBandAxis,
  type LabBandKind,
  type LabBandPoint,
  labBandPoints,
} from '@epochlab/experiments';
import type { BandSeries } from '@epochlab/plot';

/** The four band charts of the lab (`loss`: the training loss). */
export type BandChartKind = 'loss' | 'val' | 'cosine' | 'variance';

/** Where the training-loss chart puts its x axis. */
export type LossAxis = LabBandAxis;

/** The band each chart draws. */
const BAND_OF_CHART: Readonly<Record<BandChartKind, LabBandKind>> = {
  loss: 'train',
  val: 'val',
  cosine: 'cosine',
  variance: 'variance',
};

const finite = (point: LabBandPoint) =>
  Number.isFinite(point.mean) && Number.isFinite(point.low) && Number.isFinite(point.high);

/**
 * The series of one band chart: one per batch size in the config's order (so
 * colours stay put as batch sizes finish), empty until that batch size has
 * finished, with the points of `labBandPoints` (the CLI's charts draw the
 * same) that a live chart can draw (finite ones).
 */
export function bandSeries(
  kind: BandChartKind,
  infos: readonly BatchSizeGroupInfo[],
  groups: readonly (BatchSizeGroup | undefined)[],
  options: { readonly axis: LossAxis; readonly name: (info: BatchSizeGroupInfo) => string },
): BandSeries[] {
  return infos.map((info, index) => {
    const group = groups[index];
    // Only the training loss has the epoch-or-step toggle.
    const axis = kind === 'loss' ? options.axis : 'epoch';
    const points = group ? labBandPoints(group, BAND_OF_CHART[kind], axis) : [];
    return { name: options.name(info), points: points.filter(finite) };
  });
}
