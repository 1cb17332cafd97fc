import { DataLoader, TensorDataset } from '@epochlab/data';
import { createMlp, type Mlp } from '@epochlab/models';
import { SeededRandom, type Tensor } from '@epochlab/tensor';
import type { ExperimentConfig } from '../config/experiment-config.js';
import {
  EXPERIMENT_STREAMS,
  type ExperimentData,
  generateExperimentData,
} from './experiment-data.js';

/** Everything one run trains with: its data, its fresh model and the loaders over the data. */
export interface ExperimentSetup {
  readonly data: ExperimentData;
  readonly model: Mlp;
  readonly train: DataLoader<[Tensor, Tensor]>;
  readonly validation: DataLoader<[Tensor, Tensor]> | undefined;
  /** Frees the loaders' tensors (not the model, which the caller may keep). */
  disposeData(): void;
}

/**
 * Draws a config's data from its seed, builds its MLP (weights from the `init`
 * stream) and wraps the data in DataLoaders (training shuffled as configured,
 * validation in order). `runExperiment` and `runRepeated` both start here.
 */
export function setUpExperiment(config: ExperimentConfig): ExperimentSetup {
  const random = new SeededRandom(config.seed);
  const data = generateExperimentData(config, random);
  const model = createMlp(
    {
      inputSize: 1,
      hiddenSizes: config.hidden,
      outputSize: 1,
      activation: config.activation,
      init: config.init,
    },
    random.stream(EXPERIMENT_STREAMS.init),
  );
  const owned: Tensor[] = [];
  const disposeData = () => {
    for (const tensor of owned) tensor.dispose();
  };
  const loaderFor = (samples: ExperimentData['train'], shuffle: boolean) => {
    const tensors = samples.toTensors();
    owned.push(...tensors);
    return new DataLoader(new TensorDataset(...tensors), {
      batchSize: config.batchSize,
      shuffle,
      seed: config.seed,
    });
  };
  try {
    const train = loaderFor(data.train, config.shuffle);
    const validation = data.validation ? loaderFor(data.validation, false) : undefined;
    return { data, model, train, validation, disposeData };
  } catch (error) {
    disposeData();
    model.dispose();
    throw error;
  }
}
