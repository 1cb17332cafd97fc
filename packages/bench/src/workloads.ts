import { DataLoader, type NoisySamples, samplePolynomial, TensorDataset } from '@epochlab/data';
import { createMlp, NOTEBOOK_MLP } from '@epochlab/models';
import { SeededRandom, type Tensor2D, tf } from '@epochlab/tensor';
import {
  type LossName,
  type OptimizerConfig,
  type TrainingPathName,
  type TrainingPathOption,
  trainMany,
  trainModel,
} from '@epochlab/train';

/** The workloads of BENCHMARKS.md, by the ids `torch_anchor.py` uses. */
export const WORKLOAD_IDS = ['seed-line', 'seed-line-val', 'poly-large', 'sweep'] as const;
export type WorkloadId = (typeof WORKLOAD_IDS)[number];

/** The throughput each workload reports, under the name `torch_anchor.py` prints it. */
export const WORKLOAD_METRICS = {
  'seed-line': 'epochs_per_s',
  'seed-line-val': 'epochs_per_s',
  'poly-large': 'samples_per_s',
  sweep: 'run_epochs_per_s',
} as const satisfies Record<WorkloadId, string>;

/** What one timed workload gives. */
export interface WorkloadTiming {
  /** Seconds of the timed part (the training loops; for `sweep`, each run's setup too, as the reference). */
  readonly seconds: number;
  /** Throughput in the workload's metric. */
  readonly value: number;
  readonly trainingPath: TrainingPathName;
  readonly finalTrainLoss: number | null;
}

interface RunSpec {
  readonly seed: number;
  readonly coefficients: readonly number[];
  readonly n: number;
  readonly sigma: number;
  readonly validationN: number;
  readonly batchSize: number;
  readonly epochs: number;
  readonly loss: LossName;
  readonly optimizer: OptimizerConfig;
}

const SEED_LINE: RunSpec = {
  seed: 0,
  coefficients: [1, 0],
  n: 5,
  sigma: 0.2,
  validationN: 0,
  batchSize: 5,
  epochs: 2000,
  loss: 'l1',
  optimizer: { name: 'sgd', learningRate: 1e-3 },
};

/** Data, model and loaders of one run; `dispose()` frees the model and the data tensors. */
function prepareRun(spec: RunSpec) {
  const random = new SeededRandom(spec.seed);
  const sample = (stream: string, n: number): NoisySamples =>
    samplePolynomial({
      coefficients: spec.coefficients,
      n,
      sigma: spec.sigma,
      range: 1,
      random: random.stream(stream),
    });
  const trainTensors = sample('train', spec.n).toTensors();
  const validationTensors =
    spec.validationN > 0 ? sample('validation', spec.validationN).toTensors() : undefined;
  const model = createMlp(NOTEBOOK_MLP, random.stream('init'));
  const loader = ([x, y]: [Tensor2D, Tensor2D], seed: number) =>
    new DataLoader(new TensorDataset(x, y), {
      batchSize: spec.batchSize,
      shuffle: true,
      seed,
    });
  return {
    model,
    train: loader(trainTensors, spec.seed),
    validation:
      validationTensors === undefined ? undefined : loader(validationTensors, spec.seed + 1),
    dispose() {
      model.dispose();
      tf.dispose([...trainTensors, ...(validationTensors ?? [])]);
    },
  };
}

/** One run's data, model and loaders (not timed), then its timed training. */
async function runOnce(spec: RunSpec, trainingPath: TrainingPathOption) {
  const setup = prepareRun(spec);
  try {
    const started = performance.now();
    const result = await trainModel({
      model: setup.model,
      train: setup.train,
      ...(setup.validation === undefined ? {} : { validation: setup.validation }),
      validationInterval: 10,
      epochs: spec.epochs,
      loss: spec.loss,
      optimizer: spec.optimizer,
      trainingPath,
    });
    const seconds = (performance.now() - started) / 1000;
    return { seconds, result };
  } finally {
    setup.dispose();
  }
}

/** Runs workload `id` once with the given training path option and times it as the reference does. */
export async function runWorkload(
  id: WorkloadId,
  trainingPath: TrainingPathOption,
): Promise<WorkloadTiming> {
  switch (id) {
    case 'seed-line':
    case 'seed-line-val': {
      const spec = { ...SEED_LINE, validationN: id === 'seed-line-val' ? 5 : 0 };
      const { seconds, result } = await runOnce(spec, trainingPath);
      return {
        seconds,
        value: spec.epochs / seconds,
        trainingPath: result.trainingPath,
        finalTrainLoss: result.summary.finalTrainLoss,
      };
    }
    case 'poly-large': {
      const spec: RunSpec = {
        seed: 0,
        coefficients: [1, 0, -1],
        n: 20000,
        sigma: 0.1,
        validationN: 0,
        batchSize: 64,
        epochs: 3,
        loss: 'mse',
        optimizer: { name: 'adam', learningRate: 1e-3 },
      };
      const { seconds, result } = await runOnce(spec, trainingPath);
      return {
        seconds,
        value: (spec.epochs * spec.n) / seconds,
        trainingPath: result.trainingPath,
        finalTrainLoss: result.summary.finalTrainLoss,
      };
    }
    case 'sweep': {
      const runs = 16;
      const epochs = 500;
      const started = performance.now();
      const setups = Array.from({ length: runs }, (_, seed) =>
        prepareRun({ ...SEED_LINE, seed, epochs }),
      );
      try {
        const many = await trainMany(
          setups.map((setup) => ({ model: setup.model, train: setup.train })),
          {
            epochs,
            loss: SEED_LINE.loss,
            optimizer: SEED_LINE.optimizer,
            validationInterval: 10,
            trainingPath,
          },
        );
        const seconds = (performance.now() - started) / 1000;
        return {
          seconds,
          value: (runs * epochs) / seconds,
          trainingPath: many.trainingPath,
          finalTrainLoss: many.results.at(-1)?.summary.finalTrainLoss ?? null,
        };
      } finally {
        for (const setup of setups) setup.dispose();
      }
    }
  }
}
