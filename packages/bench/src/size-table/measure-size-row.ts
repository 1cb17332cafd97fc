import { DataLoader, samplePolynomial, TensorDataset } from '@epochlab/data';
import { createMlp } from '@epochlab/models';
import { countTensors, initBackend, SeededRandom, tf } from '@epochlab/tensor';
import { trainModel } from '@epochlab/train';
import type { SizeRow } from './size-rows.js';

/** epochlab's side of one size-table row. */
export interface SizeRowMeasurement {
  readonly backend: string;
  readonly path: string;
  /** Threads the fused passes ran on (`trainModel`'s `trainingThreads`). */
  readonly trainingThreads: number;
  /** Seconds of `trainModel` (the per-run start included, as PyTorch's side times its loop). */
  readonly seconds: number;
  readonly samplesPerSecond: number;
  readonly finalTrainLoss: number | null;
  readonly peakRssMb: number;
  readonly tensorsLeaked: number;
}

/**
 * Trains `row` once on the cpu backend (the path `auto` picks) in this process and times it;
 * `fusedFma` is `trainModel`'s (false: the float32 products never use FMA).
 */
export async function measureSizeRow(row: SizeRow, fusedFma = true): Promise<SizeRowMeasurement> {
  const choice = await initBackend('cpu');
  const before = countTensors();
  const random = new SeededRandom(0);
  const [x, y] = samplePolynomial({
    coefficients: [1, 0],
    n: row.n,
    sigma: 0.2,
    range: 1,
    random: random.stream('data'),
  }).toTensors();
  const model = createMlp(
    { inputSize: 1, hiddenSizes: [...row.hidden], outputSize: 1, activation: 'leakyRelu' },
    random.stream('init'),
  );
  let timed: Omit<SizeRowMeasurement, 'tensorsLeaked'>;
  try {
    const started = performance.now();
    const result = await trainModel({
      model,
      train: new DataLoader(new TensorDataset(x, y), {
        batchSize: row.batch,
        shuffle: true,
        seed: 0,
      }),
      epochs: row.epochs,
      loss: 'l1',
      optimizer: { name: 'sgd', learningRate: 1e-3 },
      fusedFma,
    });
    const seconds = (performance.now() - started) / 1000;
    timed = {
      backend: choice.name,
      path: result.trainingPath,
      trainingThreads: result.trainingThreads ?? 1,
      seconds,
      samplesPerSecond: (row.n * row.epochs) / seconds,
      finalTrainLoss: result.summary.finalTrainLoss,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    model.dispose();
    tf.dispose([x, y]);
  }
  return { ...timed, tensorsLeaked: countTensors() - before };
}
