import { DataLoader, TensorDataset } from '@epochlab/data';
import { createMlp, type Mlp } from '@epochlab/models';
import { type Tensor, tf } from '@epochlab/tensor';
import { SeededRandom } from '@epochlab/tensor/random';
import type { BatchSource } from '@epochlab/train';
import type { CommonConfig } from '../config/common-fields.js';
import type { ExperimentConfig } from '../experiments/experiment-list.js';
import {
  EXPERIMENT_STREAMS,
  type ExperimentData,
  generateExperimentData,
} from './experiment-data.js';

/**
 * The MLP of a config (`inputSize` inputs, 1 by default; `hidden`; 1 output),
 * its weights from `seed`'s `init` stream.
 */
export function createExperimentModel(
  config: Pick<CommonConfig, 'hidden' | 'activation' | 'init'>,
  seed: number,
  inputSize = 1,
): Mlp {
  return createMlp(
    {
      inputSize,
      hiddenSizes: config.hidden,
      outputSize: 1,
      activation: config.activation,
      init: config.init,
    },
    new SeededRandom(seed).stream(EXPERIMENT_STREAMS.init),
  );
}

/** An experiment's points as tensor datasets; `dispose` frees their tensors. */
export interface ExperimentDatasets {
  readonly train: TensorDataset<[Tensor, Tensor]>;
  /** Absent when the experiment has no validation points. */
  readonly validation: TensorDataset<[Tensor, Tensor]> | undefined;
  dispose(): void;
}

/** Draws a config's points (its definition's `data`, from its seed) as tensor datasets. */
export function experimentDatasets(config: ExperimentConfig): {
  readonly data: ExperimentData;
  readonly datasets: ExperimentDatasets;
} {
  const data = generateExperimentData(config, new SeededRandom(config.seed));
  const owned: Tensor[] = [];
  const dispose = () => {
    for (const tensor of owned) tensor.dispose();
  };
  const datasetOf = (samples: ExperimentData['train']) => {
    const x = tf.tensor2d(Float32Array.from(samples.x), [samples.n, 1]);
    owned.push(x);
    const y = tf.tensor2d(Float32Array.from(samples.y), [samples.n, 1]);
    owned.push(y);
    return new TensorDataset(x, y);
  };
  try {
    const train = datasetOf(data.train);
    const validation = data.validation ? datasetOf(data.validation) : undefined;
    return { data, datasets: { train, validation, dispose } };
  } catch (error) {
    dispose();
    throw error;
  }
}

/** Everything one run trains with: its data, its fresh model and the loaders over the data. */
export interface ExperimentSetup<Data = ExperimentData> {
  readonly data: Data;
  readonly model: Mlp;
  /** A `DataLoader` over in-memory points, or any batch source (a streamed file). */
  readonly train: BatchSource;
  readonly validation: BatchSource | undefined;
  /** Frees the loaders' tensors (not the model, which the caller may keep). */
  disposeData(): void;
}

/**
 * One run of a config: its points (`experimentDatasets`), its MLP
 * (`createExperimentModel` with the config's seed) and DataLoaders over the
 * points (training shuffled as configured, validation in order).
 */
export function setUpExperiment(config: ExperimentConfig): ExperimentSetup {
  const { data, datasets } = experimentDatasets(config);
  let model: Mlp;
  try {
    model = createExperimentModel(config, config.seed);
  } catch (error) {
    datasets.dispose();
    throw error;
  }
  const loader = (dataset: TensorDataset<[Tensor, Tensor]>, shuffle: boolean) =>
    new DataLoader(dataset, { batchSize: config.batchSize, shuffle, seed: config.seed });
  return {
    data,
    model,
    train: loader(datasets.train, config.shuffle),
    validation: datasets.validation ? loader(datasets.validation, false) : undefined,
    disposeData: datasets.dispose,
  };
}
