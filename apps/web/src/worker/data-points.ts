import {
  type ExperimentConfig,
  type ExperimentData,
  type GivenData,
  generateExperimentData,
} from '@epochlab/experiments';
import { linspace } from '@epochlab/plot';
import { SeededRandom } from '@epochlab/tensor/random';
import type { XY } from './protocol.js';

/** How many x values the live curve and the true function have. */
export const CURVE_POINTS = 100;

/** What the fit chart shows besides the model's curve: the points and the true function. */
export interface DataPoints {
  readonly train: XY;
  readonly validation: XY | undefined;
  readonly truth: XY;
}

function plain(samples: { x: ArrayLike<number>; y: ArrayLike<number> }): XY {
  return { x: Array.from(samples.x), y: Array.from(samples.y) };
}

/** Evenly spaced x values over the data's range (training and validation points). */
export function curveXs(data: Pick<ExperimentData | GivenData, 'train' | 'validation'>): number[] {
  // A loop, not Math.min(...xs): spreading a million points overflows the call stack.
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const xs of [data.train.x, data.validation?.x ?? []]) {
    for (const x of xs) {
      if (x < low) low = x;
      if (x > high) high = x;
    }
  }
  return low === high ? [low] : linspace(low, high, CURVE_POINTS);
}

/**
 * An experiment's data as the charts take it: plain numbers, the truth on
 * `curveXs` (none for the user's own points, which have no true function).
 */
export function dataPoints(data: ExperimentData | GivenData): DataPoints {
  const xs = curveXs(data);
  const truth = 'truth' in data ? data.truth : undefined;
  return {
    train: plain(data.train),
    validation: data.validation ? plain(data.validation) : undefined,
    truth: truth ? { x: xs, y: xs.map(truth) } : { x: [], y: [] },
  };
}

/**
 * The points a run of `config` will train on, drawn on the page before the
 * run starts (pure numbers, no tensors: the same draw `runExperiment` makes
 * from the config's seed), so the fit chart can show the data while idle.
 */
export function previewDataPoints(config: ExperimentConfig): DataPoints {
  return dataPoints(generateExperimentData(config, new SeededRandom(config.seed)));
}
