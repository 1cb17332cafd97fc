import type {
  BandPoint,
  BatchSizeGroup,
  BatchSizeGroupInfo,
  GradientNoisePoint,
  Spread,
} from '@epochlab/experiments';
import { meanBand, stepsAfterEpoch } from '@epochlab/experiments';
import type { BandChartPoint, BandSeries } from '@epochlab/plot';

/** The four band charts of the lab. */
export type BandChartKind = 'loss' | 'val' | 'cosine' | 'variance';

/** Where the training-loss chart puts its x axis. */
export type LossAxis = 'epoch' | 'step';

/**
 * The band chart point at `x` for a spread over seeds: the mean, one standard
 * deviation either side, kept within the seeds' range (`meanBand`, as the CLI draws it).
 */
export function bandOf(x: number, spread: Spread): BandChartPoint {
  return { x, ...meanBand(spread) };
}

const finite = (point: BandChartPoint) =>
  Number.isFinite(point.mean) && Number.isFinite(point.low) && Number.isFinite(point.high);

/**
 * The series of one band chart: one per batch size in the config's order (so
 * colours stay put as batch sizes finish), empty until that batch size has
 * finished. Loss against gradient steps puts epoch e at step (e + 1) × steps
 * per epoch; the gradient noise is drawn against epochs.
 */
export function bandSeries(
  kind: BandChartKind,
  infos: readonly BatchSizeGroupInfo[],
  groups: readonly (BatchSizeGroup | undefined)[],
  options: { readonly axis: LossAxis; readonly name: (info: BatchSizeGroupInfo) => string },
): BandSeries[] {
  return infos.map((info, index) => {
    const group = groups[index];
    let points: BandChartPoint[] = [];
    if (group) {
      const fromBand = (band: readonly BandPoint[], toX: (x: number) => number) =>
        band.map((point) => bandOf(toX(point.x), point));
      const fromNoise = (pick: (point: GradientNoisePoint) => Spread) =>
        group.noise.map((point) => bandOf(point.epoch, pick(point)));
      if (kind === 'loss') {
        points = fromBand(group.train, (epoch) =>
          options.axis === 'step' ? stepsAfterEpoch(epoch, group.stepsPerEpoch) : epoch,
        );
      } else if (kind === 'val') points = fromBand(group.val, (epoch) => epoch);
      else if (kind === 'cosine') points = fromNoise((point) => point.cosine);
      else points = fromNoise((point) => point.variance);
    }
    return { name: options.name(info), points: points.filter(finite) };
  });
}
