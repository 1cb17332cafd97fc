import {
  type BatchSizeLabConfig,
  type BatchSizeLabResult,
  batchSizeLabel,
  type LineView,
  lineView,
  resolveBatchSize,
} from '@epochlab/experiments';

/** The batch sizes whose paths the line view draws: the config's, plus full batch (GD) if missing. */
export function pathBatchSizes(config: BatchSizeLabConfig): { label: string; batchSize: number }[] {
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
 * The two-parameter view of the lab: the line y = m x + b fitted to the lab's
 * training points with the config's loss, its loss surface over (m, b), and
 * the descent paths of every batch size (full batch: plain gradient descent)
 * from `pathStart`, with `pathLr` and `pathSteps`.
 */
export function labLineView(result: BatchSizeLabResult): LineView {
  const { config, data } = result;
  return lineView({
    xs: data.train.x,
    ys: data.train.y,
    loss: config.loss,
    start: config.pathStart,
    lr: config.pathLr,
    steps: config.pathSteps,
    batchSizes: pathBatchSizes(config),
    shuffle: config.shuffle,
    seed: config.seed,
  });
}
