import { DataLoader, sampleLine, TensorDataset } from '@epochlab/data';
import { createMlp, type Mlp, NOTEBOOK_MLP } from '@epochlab/models';
import { SeededRandom, type Tensor2D, tf } from '@epochlab/tensor';

/** What `notebookSetup` builds; `dispose()` frees the model and the data tensors. */
export interface NotebookSetup {
  readonly model: Mlp;
  readonly train: DataLoader<[Tensor2D, Tensor2D]>;
  readonly validation: DataLoader<[Tensor2D, Tensor2D]>;
  readonly trainPoints: { readonly x: number[]; readonly y: number[] };
  dispose(): void;
}

/**
 * The notebook's line experiment from one seed: `n` train and `n` validation
 * points of y = x (sigma 0.2, range 1 unless given), shuffled loaders with
 * batch size 5, and the 1-12-12-16-1 LeakyReLU MLP with PyTorch's init.
 */
export function notebookSetup(
  seed: number,
  options: { n?: number; sigma?: number; range?: number; batchSize?: number } = {},
): NotebookSetup {
  const { n = 5, sigma = 0.2, range = 1, batchSize = 5 } = options;
  const root = new SeededRandom(seed);
  const line = (stream: string) =>
    sampleLine({ slope: 1, intercept: 0, n, sigma, range, random: root.stream(stream) });
  const trainSamples = line('train');
  const validationSamples = line('validation');
  const trainTensors = trainSamples.toTensors();
  const validationTensors = validationSamples.toTensors();
  const model = createMlp(NOTEBOOK_MLP, root.stream('init'));
  return {
    model,
    train: new DataLoader(new TensorDataset(...trainTensors), { batchSize, shuffle: true, seed }),
    validation: new DataLoader(new TensorDataset(...validationTensors), {
      batchSize,
      shuffle: true,
      seed: seed + 1,
    }),
    trainPoints: { x: trainSamples.x, y: trainSamples.y },
    dispose() {
      model.dispose();
      tf.dispose([...trainTensors, ...validationTensors]);
    },
  };
}
