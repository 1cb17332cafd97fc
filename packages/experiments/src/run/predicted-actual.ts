import type { Standardization } from '@epochlab/data';
import type { Mlp } from '@epochlab/models';
import type { Points } from './experiment-data.js';
import { predictInUserUnits } from './run-experiment.js';

/** Targets and the model's predictions for the same rows, in the user's units. */
export interface PredictedActualSet {
  readonly actual: number[];
  readonly predicted: number[];
}

/** What `predictedActual` needs of a result: its points, a model and how the points were scaled. */
export interface PredictedActualSource {
  readonly data: {
    readonly train: Points;
    readonly validation: Points | undefined;
    readonly scaling?: Standardization | undefined;
  };
  readonly model: Pick<Mlp, 'predict'>;
}

/**
 * Each training and validation row's target next to the model's prediction
 * for its inputs, in the user's units: the data of `@epochlab/plot`'s
 * `predictedActualChart`, the fit picture of a model with several inputs
 * (a curve over x needs one input). A streamed run's points are its sample.
 */
export function predictedActual(source: PredictedActualSource): {
  readonly train: PredictedActualSet;
  readonly validation: PredictedActualSet | undefined;
} {
  const { train, validation, scaling } = source.data;
  const set = (points: Points): PredictedActualSet => ({
    actual: [...points.y],
    predicted: Array.from(predictInUserUnits(source.model, [...points.x], scaling)),
  });
  return { train: set(train), validation: validation ? set(validation) : undefined };
}
