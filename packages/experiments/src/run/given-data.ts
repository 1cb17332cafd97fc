import {
  DataLoader,
  fitColumnScaling,
  type Standardization,
  scaleColumns,
  TensorDataset,
} from '@epochlab/data';
import type { Mlp } from '@epochlab/models';
import { SeededRandom, type Tensor, tf } from '@epochlab/tensor';
import { inputCount, type PointLists, pointCount } from '../config/points-schema.js';
import { type DataExperimentConfig, heldOutRows } from '../experiments/data-experiment.js';
import type { Points } from './experiment-data.js';
import { createExperimentModel, type ExperimentSetup } from './experiment-setup.js';

/** The stream of the seed that picks the held-out validation points. */
export const VALIDATION_SPLIT_STREAM = 'validation-split';

/** The points a data experiment trains and validates on, in the user's units. */
export interface GivenData {
  readonly train: Points;
  /** Absent when there are no validation points and `valFraction` holds none out. */
  readonly validation: Points | undefined;
  /** How inputs and targets were standardised for training; absent with `standardize: false`. */
  readonly scaling: Standardization | undefined;
  /**
   * The rows trained and validated on. The same as the points' lengths, except
   * for a streamed file, whose `train` and `validation` are a bounded sample.
   */
  readonly rowsUsed: { readonly train: number; readonly validation: number };
}

function pick(points: PointLists, rows: ArrayLike<number>): Points {
  const inputs = inputCount(points);
  const x: number[] = [];
  const y: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] as number;
    for (let column = 0; column < inputs; column++) {
      x.push(points.x[row * inputs + column] as number);
    }
    y.push(points.y[row] as number);
  }
  return withInputNames({ x, y }, points.inputNames);
}

function withInputNames(points: Points, names: readonly string[] | undefined): Points {
  return names === undefined ? points : { ...points, inputNames: names };
}

/**
 * A data experiment's training and validation points: the validation points
 * given, or `floor(rows * valFraction)` points held out at random (the first
 * ones of a permutation drawn from the seed's `validation-split` stream),
 * both sets kept in the order of the file. The standardisation, when asked
 * for, is fit on the training points only, each input column on its own.
 */
export function givenData(config: DataExperimentConfig): GivenData {
  let train: Points;
  let validation: Points | undefined;
  if (config.validationPoints !== undefined) {
    train = config.points;
    validation = config.validationPoints;
  } else {
    const rows = pointCount(config.points);
    const held = heldOutRows(rows, config.valFraction);
    const order = new SeededRandom(config.seed).stream(VALIDATION_SPLIT_STREAM).permutation(rows);
    const isHeld = new Uint8Array(rows);
    for (let k = 0; k < held; k++) isHeld[order[k] as number] = 1;
    const trainRows: number[] = [];
    const validationRows: number[] = [];
    for (let row = 0; row < rows; row++) (isHeld[row] ? validationRows : trainRows).push(row);
    train = pick(config.points, trainRows);
    validation = held > 0 ? pick(config.points, validationRows) : undefined;
  }
  const scaling = config.standardize
    ? {
        inputs: fitColumnScaling(train.x, inputCount(config.points)),
        targets: fitColumnScaling(train.y, 1),
      }
    : undefined;
  const rowsUsed = { train: train.y.length, validation: validation?.y.length ?? 0 };
  return { train, validation, scaling, rowsUsed };
}

function scaledTensors(points: Points, scaling: Standardization | undefined): [Tensor, Tensor] {
  const x = scaling ? scaleColumns(points.x, scaling.inputs) : Float32Array.from(points.x);
  const y = scaling ? scaleColumns(points.y, scaling.targets) : Float32Array.from(points.y);
  const inputs = x.length / y.length;
  return [tf.tensor2d(x, [y.length, inputs]), tf.tensor2d(y, [y.length, 1])];
}

/** One run of a data experiment: its points, the MLP from its seed, and loaders over the (standardised) points. */
export function setUpDataExperiment(config: DataExperimentConfig): ExperimentSetup<GivenData> {
  const data = givenData(config);
  const owned: Tensor[] = [];
  const disposeData = () => tf.dispose(owned);
  let model: Mlp | undefined;
  try {
    const datasetOf = (points: Points) => {
      const tensors = scaledTensors(points, data.scaling);
      owned.push(...tensors);
      return new TensorDataset(...tensors);
    };
    const train = datasetOf(data.train);
    const validation = data.validation ? datasetOf(data.validation) : undefined;
    model = createExperimentModel(config, config.seed, inputCount(config.points));
    return {
      data,
      model,
      train: new DataLoader(train, {
        batchSize: config.batchSize,
        shuffle: config.shuffle,
        seed: config.seed,
      }),
      validation: validation
        ? new DataLoader(validation, { batchSize: config.batchSize, seed: config.seed })
        : undefined,
      disposeData,
    };
  } catch (error) {
    model?.dispose();
    disposeData();
    throw error;
  }
}
