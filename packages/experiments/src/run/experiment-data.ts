import { type NoisySamples, sampleLine, samplePolynomial } from '@epochlab/data';
import type { SeededRandom } from '@epochlab/tensor';
import type { ExperimentConfig } from '../config/experiment-config.js';

/** Names of the random streams an experiment draws from, under its seed. */
export const EXPERIMENT_STREAMS = {
  train: 'train-data',
  validation: 'validation-data',
  init: 'init',
  shuffle: 'shuffle',
} as const;

/** Points as plain numbers, for charts and files. */
export interface Points {
  readonly x: readonly number[];
  readonly y: readonly number[];
}

/** The data an experiment trained and validated on. */
export interface ExperimentData {
  readonly train: NoisySamples;
  /** Absent when `valN` is 0. */
  readonly validation: NoisySamples | undefined;
  /** The noise-free function the points came from. */
  readonly truth: (x: number) => number;
}

function sample(config: ExperimentConfig, n: number, random: SeededRandom): NoisySamples {
  const common = { n, sigma: config.sigma, range: config.range, random };
  return config.experiment === 'line'
    ? sampleLine({ ...common, slope: config.slope, intercept: config.intercept })
    : samplePolynomial({ ...common, coefficients: config.coefficients });
}

/**
 * Draws the training and validation points of an experiment. Each set has its
 * own stream of the seed, so the training data do not depend on `valN`.
 */
export function generateExperimentData(
  config: ExperimentConfig,
  random: SeededRandom,
): ExperimentData {
  const train = sample(config, config.n, random.stream(EXPERIMENT_STREAMS.train));
  const validation =
    config.valN > 0
      ? sample(config, config.valN, random.stream(EXPERIMENT_STREAMS.validation))
      : undefined;
  return { train, validation, truth: train.truth };
}
