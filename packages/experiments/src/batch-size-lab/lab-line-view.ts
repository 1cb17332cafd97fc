import { type LineView, lineView } from '../line-view/line-view.js';
import {
  type BatchSizeLabConfig,
  type BatchSizeOption,
  batchSizeLabel,
  resolveBatchSize,
} from './batch-size-lab-config.js';

/** One descent path the lab's line view draws: the batch size and its label (`'5'`, `'full (100)'`). */
export interface LineViewBatchSize {
  readonly label: string;
  readonly batchSize: number;
}

/** What the lab's line view reads from a lab config (a `BatchSizeLabConfig` is one). */
export interface LabLineViewSettings {
  readonly n: number;
  readonly batchSizes: readonly BatchSizeOption[];
  readonly loss: BatchSizeLabConfig['loss'];
  readonly shuffle: boolean;
  readonly seed: number;
  readonly pathStart: readonly [number, number];
  readonly pathLr: number;
  readonly pathSteps: number;
}

/**
 * The batch sizes whose paths the line view draws: the config's, in its
 * order, then the full batch (plain gradient descent, the reference every
 * mini-batch path is compared with) when the config does not train it.
 *
 * @example
 * lineViewBatchSizes({ n: 100, batchSizes: [1, 5] });
 * // [{ label: '1', batchSize: 1 }, { label: '5', batchSize: 5 }, { label: 'full (100)', batchSize: 100 }]
 */
export function lineViewBatchSizes(
  config: Pick<LabLineViewSettings, 'n' | 'batchSizes'>,
): LineViewBatchSize[] {
  const sizes = config.batchSizes.map((option) => ({
    label: batchSizeLabel(option, config.n),
    batchSize: resolveBatchSize(option, config.n),
  }));
  if (!sizes.some((size) => size.batchSize === config.n)) {
    sizes.push({ label: batchSizeLabel('full', config.n), batchSize: config.n });
  }
  return sizes;
}

/**
 * The lab's two-parameter view: the line y = m x + b fitted to the lab's
 * training points with the config's loss, its loss surface over (m, b), and
 * the descent path of every batch size of `lineViewBatchSizes` from
 * `pathStart`, with `pathLr` and `pathSteps` (shuffled like the lab, seeded
 * with its `seed`). `resolution` is the surface's grid points per axis
 * (default 80): a page redrawing it on every frame may ask for fewer; the
 * paths do not depend on it.
 *
 * The points are taken as the networks train on them: rounded to float32.
 * Their float64 values come from `Math.log` and `Math.cos`, whose last bit
 * differs between JavaScript engines; in float32 they agree, so the CLI and
 * a browser draw the same view, bit for bit.
 */
export function labLineView(
  settings: LabLineViewSettings,
  train: { readonly x: readonly number[]; readonly y: readonly number[] },
  options: { readonly resolution?: number } = {},
): LineView {
  return lineView({
    xs: train.x.map(Math.fround),
    ys: train.y.map(Math.fround),
    loss: settings.loss,
    start: settings.pathStart,
    lr: settings.pathLr,
    steps: settings.pathSteps,
    batchSizes: lineViewBatchSizes(settings),
    shuffle: settings.shuffle,
    seed: settings.seed,
    ...(options.resolution === undefined ? {} : { resolution: options.resolution }),
  });
}
