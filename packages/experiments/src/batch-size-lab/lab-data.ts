import { SeededRandom } from '@epochlab/tensor';
import type { ExperimentConfig } from '../config/experiment-config.js';
import { type ExperimentData, generateExperimentData } from '../run/experiment-data.js';
import type { BatchSizeLabConfig } from './batch-size-lab-config.js';

/**
 * The line or polynomial experiment config whose data the lab trains on:
 * `runExperiment` with this config (and the lab's `seed`) draws the same points.
 */
export function labDataConfig(config: BatchSizeLabConfig): ExperimentConfig {
  const common = {
    seed: config.seed,
    n: config.n,
    valN: config.valN,
    sigma: config.sigma,
    range: config.range,
    hidden: config.hidden,
    activation: config.activation,
    init: config.init,
    loss: config.loss,
    optimizer: config.optimizer,
    lr: config.lr,
    momentum: config.momentum,
    batchSize: config.n,
    shuffle: config.shuffle,
    epochs: config.epochs,
    valEvery: config.valEvery,
  };
  return config.dataset === 'line'
    ? { experiment: 'line', slope: config.slope, intercept: config.intercept, ...common }
    : { experiment: 'polynomial', coefficients: config.coefficients, ...common };
}

/** The lab's points, drawn from its `seed` exactly as the line or polynomial experiment draws them. */
export function generateLabData(config: BatchSizeLabConfig): ExperimentData {
  return generateExperimentData(labDataConfig(config), new SeededRandom(config.seed));
}
