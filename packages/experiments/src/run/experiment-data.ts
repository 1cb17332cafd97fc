import type { NoisyPoints } from '@epochlab/data';
import type { SeededRandom } from '@epochlab/tensor';
import type { ExperimentConfig } from '../experiments/experiment-list.js';
import { drawFitPoints } from '../experiments/fit-function.js';
import { fitFunctionOf } from '../experiments/fit-function-list.js';

/** Names of the random streams an experiment draws from, under its seed. */
export const EXPERIMENT_STREAMS = {
  train: 'train-data',
  validation: 'validation-data',
  init: 'init',
  shuffle: 'shuffle',
} as const;

/**
 * Points as plain numbers, for charts and files. With several inputs, `x` is
 * row-major (each row's inputs in turn) and `inputNames` names the columns.
 */
export interface Points {
  readonly x: readonly number[];
  readonly y: readonly number[];
  /** The input columns' names when there are several (absent: one input, `x`). */
  readonly inputNames?: readonly string[] | undefined;
}

/** The data an experiment trained and validated on. */
export interface ExperimentData {
  readonly train: NoisyPoints;
  /** Absent when `valN` is 0. */
  readonly validation: NoisyPoints | undefined;
  /** The noise-free function the points came from. */
  readonly truth: (x: number) => number;
}

/**
 * Draws the training and validation points of an experiment with its
 * definition's `data`. Each set has its own stream of the seed, so the
 * training data do not depend on `valN`. It reads the experiment's function
 * (`FIT_FUNCTIONS`), not its definition: a sweep's worker threads draw their
 * runs' points here without loading the config schemas.
 */
export function generateExperimentData(
  config: ExperimentConfig,
  random: SeededRandom,
): ExperimentData {
  const fit = fitFunctionOf(config);
  const train = drawFitPoints(fit, config, config.n, random.stream(EXPERIMENT_STREAMS.train));
  const validation =
    config.valN > 0
      ? drawFitPoints(fit, config, config.valN, random.stream(EXPERIMENT_STREAMS.validation))
      : undefined;
  return { train, validation, truth: fit.truth(config) };
}
