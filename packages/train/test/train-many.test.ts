import { DataLoader, TensorDataset } from '@epochlab/data';
import {
  ACTIVATION_NAMES,
  type Activation,
  createMlp,
  type Mlp,
  type MlpSpec,
} from '@epochlab/models';
import { countTensors, initBackend, SeededRandom, tf } from '@epochlab/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type LossConfig,
  type ManyEpochEndEvent,
  type ManyRun,
  OPTIMIZERS,
  type OptimizerConfig,
  type TrainingResult,
  trainMany,
  trainModel,
} from '../src/index.js';
import { expectInvalid } from './helpers/expect-invalid.js';
import { notebookSetup } from './helpers/notebook-setup.js';
import { LOSS_CONFIGS } from './helpers/registry-cases.js';
import { relativeError } from './helpers/relative-error.js';

beforeAll(async () => {
  await initBackend('cpu');
});

/**
 * Sweep `index`: K runs of one seeded random shape, each with its own seed,
 * data and learning rate (1 to 5 times the optimizer's default). The
 * optimizer, loss and activation go through the registries in turn
 * (case `index` takes entry `index` modulo their lengths), so every entry is
 * swept, with no random pick.
 */
function registrySweep(index: number) {
  const caseSeed = 7000 + index;
  const random = new SeededRandom(caseSeed);
  const spec: MlpSpec = {
    inputSize: random.integer(1, 4),
    hiddenSizes: Array.from({ length: random.integer(1, 4) }, () => random.integer(1, 17)),
    outputSize: random.integer(1, 3),
    activation: ACTIVATION_NAMES[index % ACTIVATION_NAMES.length] as Activation,
  };
  const runs = random.integer(3, 6);
  const rows = random.integer(4, 30);
  const batchSize = random.integer(1, rows + 1);
  const loss = LOSS_CONFIGS[index % LOSS_CONFIGS.length] as LossConfig;
  const { name, defaults } = OPTIMIZERS[index % OPTIMIZERS.length] as (typeof OPTIMIZERS)[number];
  const optimizers = Array.from(
    { length: runs },
    (): OptimizerConfig =>
      ({ name, learningRate: defaults.learningRate * random.uniform(1, 5) }) as OptimizerConfig,
  );
  const withValidation = index % 2 === 0;
  return { caseSeed, spec, runs, rows, batchSize, loss, optimizers, withValidation };
}

type Sweep = ReturnType<typeof registrySweep>;

/** Run `k` of `sweep`, built from scratch (model, data, loaders); `dispose()` frees it. */
function buildRun(sweep: Sweep, caseSeed: number, k: number) {
  const random = new SeededRandom(caseSeed * 100 + k);
  const { spec, rows, batchSize } = sweep;
  const data = (stream: string) => {
    const r = random.stream(stream);
    const x = tf.tensor2d(
      Array.from({ length: rows * spec.inputSize }, () => r.uniform(-2, 2)),
      [rows, spec.inputSize],
    );
    const y = tf.tensor2d(
      Array.from({ length: rows * spec.outputSize }, () => r.uniform(-1, 1)),
      [rows, spec.outputSize],
    );
    return [x, y] as const;
  };
  const train = data('train');
  const validation = data('validation');
  const model = createMlp(spec, random.stream('init'));
  const loader = (tensors: readonly [tf.Tensor2D, tf.Tensor2D], seed: number) =>
    new DataLoader(new TensorDataset(...tensors), { batchSize, shuffle: true, seed });
  const run: ManyRun = {
    model,
    train: loader(train, k),
    ...(sweep.withValidation ? { validation: loader(validation, k + 50) } : {}),
    optimizer: sweep.optimizers[k] as OptimizerConfig,
  };
  return {
    run,
    model,
    dispose() {
      model.dispose();
      tf.dispose([...train, ...validation]);
    },
  };
}

function flatWeights(model: Mlp): Float32Array {
  return Float32Array.from(model.getWeights().flatMap((weights) => Array.from(weights)));
}

function expectSameRun(actual: TrainingResult, expected: TrainingResult): void {
  expect(actual.status).toBe(expected.status);
  expect(actual.trainingPath).toBe(expected.trainingPath);
  expect(actual.history.train.map((p) => p.epoch)).toEqual(
    expected.history.train.map((p) => p.epoch),
  );
  expect(actual.history.val.map((p) => p.epoch)).toEqual(expected.history.val.map((p) => p.epoch));
  const losses = (result: TrainingResult) => [
    ...result.history.train.map((p) => p.loss),
    ...result.history.val.map((p) => p.loss),
  ];
  expect(relativeError(losses(actual), losses(expected))).toBeLessThanOrEqual(1e-5);
  expect(actual.divergence).toEqual(expected.divergence);
  expect(actual.summary.epochsRun).toBe(expected.summary.epochsRun);
}

const CASES = Array.from({ length: 8 }, (_, index) => index);

describe('trainMany', () => {
  it.each(CASES)(
    'sweep %i: equals separate trainModel runs within 1e-5 relative (fused path)',
    async (index) => {
      const sweep = registrySweep(index);
      const { caseSeed } = sweep;
      const epochs = 40;
      const shared = { epochs, loss: sweep.loss, validationInterval: 3 } as const;
      const before = countTensors();

      const batched = Array.from({ length: sweep.runs }, (_, k) => buildRun(sweep, caseSeed, k));
      const many = await trainMany(
        batched.map((built) => built.run),
        { ...shared, optimizer: 'sgd' },
      );
      expect(many.trainingPath).toBe('fused-wasm-simd');
      expect(many.results).toHaveLength(sweep.runs);

      for (let k = 0; k < sweep.runs; k++) {
        const separate = buildRun(sweep, caseSeed, k);
        const expected = await trainModel({
          ...shared,
          model: separate.model,
          train: separate.run.train,
          ...(separate.run.validation === undefined ? {} : { validation: separate.run.validation }),
          optimizer: separate.run.optimizer ?? 'sgd',
        });
        expect(expected.trainingPath).toBe('fused-wasm-simd');
        const actual = many.results[k] as TrainingResult;
        expectSameRun(actual, expected);
        const built = batched[k] as (typeof batched)[number];
        expect(
          relativeError(flatWeights(built.model), flatWeights(separate.model)),
        ).toBeLessThanOrEqual(1e-5);
        separate.dispose();
      }
      for (const built of batched) built.dispose();
      expect(countTensors()).toBe(before);
    },
  );

  it('the generic path gives the same results as separate generic runs', async () => {
    const sweep = { ...registrySweep(1), runs: 3 };
    const runs = Array.from({ length: 3 }, (_, k) => buildRun(sweep, 7100, k));
    const before = countTensors();
    const shared = { epochs: 12, loss: sweep.loss, trainingPath: 'generic' } as const;
    const many = await trainMany(
      runs.map((built) => built.run),
      { ...shared, optimizer: 'sgd' },
    );
    expect(many.trainingPath).toBe('generic');
    for (let k = 0; k < 3; k++) {
      const separate = buildRun(sweep, 7100, k);
      const expected = await trainModel({
        ...shared,
        model: separate.model,
        train: separate.run.train,
        ...(separate.run.validation === undefined ? {} : { validation: separate.run.validation }),
        optimizer: separate.run.optimizer ?? 'sgd',
      });
      expectSameRun(many.results[k] as TrainingResult, expected);
      separate.dispose();
    }
    for (const built of runs) built.dispose();
    expect(countTensors()).toBeLessThanOrEqual(before);
  });

  it('a diverging run stops alone; the others train to the end as they would alone', async () => {
    const before = countTensors();
    const calm = [notebookSetup(3), notebookSetup(4)] as const;
    const wild = notebookSetup(5);
    const sgd = { name: 'sgd', learningRate: 1e-3 } as const;
    const many = await trainMany(
      [
        { model: calm[0].model, train: calm[0].train },
        { model: wild.model, train: wild.train, optimizer: { name: 'sgd', learningRate: 1e30 } },
        { model: calm[1].model, train: calm[1].train },
      ],
      { epochs: 60, loss: 'mse', optimizer: sgd },
    );
    const [first, diverged, last] = many.results as [
      TrainingResult,
      TrainingResult,
      TrainingResult,
    ];
    expect(diverged.status).toBe('diverged');
    expect(diverged.divergence?.phase).toBe('train');
    expect(diverged.history.train).toHaveLength(diverged.divergence?.epoch as number);
    expect(diverged.summary.divergedAtEpoch).toBe(diverged.divergence?.epoch);
    for (const [result, seed] of [
      [first, 3],
      [last, 4],
    ] as const) {
      expect(result.status).toBe('completed');
      expect(result.history.train).toHaveLength(60);
      const alone = notebookSetup(seed);
      const expected = await trainModel({
        model: alone.model,
        train: alone.train,
        epochs: 60,
        loss: 'mse',
        optimizer: sgd,
      });
      expectSameRun(result, expected);
      alone.dispose();
    }
    for (const setup of [...calm, wild]) setup.dispose();
    expect(countTensors()).toBe(before);
  });

  it('aborting ends every run with status aborted and the epochs that ran', async () => {
    const before = countTensors();
    const setups = [notebookSetup(1), notebookSetup(2), notebookSetup(3)];
    const controller = new AbortController();
    const events: number[] = [];
    const many = await trainMany(
      setups.map((setup) => ({ model: setup.model, train: setup.train })),
      {
        epochs: 100,
        loss: 'l1',
        optimizer: 'sgd',
        signal: controller.signal,
        onEpochEnd: (event) => {
          events.push(event.epoch);
          if (event.epoch === 4) controller.abort();
        },
      },
    );
    for (const result of many.results) {
      expect(result.status).toBe('aborted');
      expect(result.history.train).toHaveLength(5);
    }
    expect(events).toEqual([0, 1, 2, 3, 4]);
    for (const setup of setups) setup.dispose();
    expect(countTensors()).toBe(before);
  });

  it('an abort after the last epoch leaves every run completed, as trainModel does', async () => {
    const setups = [notebookSetup(1), notebookSetup(2)];
    const controller = new AbortController();
    const many = await trainMany(
      setups.map((setup) => ({ model: setup.model, train: setup.train })),
      {
        epochs: 6,
        loss: 'l1',
        optimizer: 'sgd',
        signal: controller.signal,
        onEpochEnd: (event) => {
          if (event.epoch === 5) controller.abort();
        },
      },
    );
    expect(many.results.map((result) => result.status)).toEqual(['completed', 'completed']);
    for (const setup of setups) setup.dispose();
  });

  it('sends throttled epoch events with every run’s live history, and always the last', async () => {
    const setups = [notebookSetup(1), notebookSetup(2)];
    const events: ManyEpochEndEvent[] = [];
    await trainMany(
      setups.map((setup) => ({ model: setup.model, train: setup.train })),
      {
        epochs: 25,
        loss: 'l1',
        optimizer: 'sgd',
        throttle: { everyEpochs: 10 },
        onEpochEnd: (event) => {
          events.push({ ...event, runs: event.runs.map((run) => ({ ...run })) });
        },
      },
    );
    expect(events.map((event) => event.epoch)).toEqual([0, 10, 20, 24]);
    const last = events.at(-1) as ManyEpochEndEvent;
    expect(last.runs.map((run) => run.status)).toEqual(['completed', 'completed']);
    expect(last.runs.map((run) => run.history.train.length)).toEqual([25, 25]);
    for (const setup of setups) setup.dispose();
  });

  it('rejects models with different layer sizes or activations, and bad runs, naming the field', async () => {
    const random = new SeededRandom(1);
    const base: MlpSpec = { inputSize: 1, hiddenSizes: [4, 3], outputSize: 1 };
    const a = createMlp(base, random.stream('a'));
    const wider = createMlp({ ...base, hiddenSizes: [4, 5] }, random.stream('b'));
    const tanh = createMlp({ ...base, activation: 'tanh' }, random.stream('c'));
    const x = tf.tensor2d([[0], [1]]);
    const y = tf.tensor2d([[0], [1]]);
    const train = new DataLoader(new TensorDataset(x, y), { batchSize: 2 });
    const shared = { epochs: 2, loss: 'l1', optimizer: 'sgd' } as const;
    await expectInvalid(
      () =>
        trainMany(
          [
            { model: a, train },
            { model: wider, train },
          ],
          shared,
        ),
      'runs[1].model layer sizes',
    );
    await expectInvalid(
      () =>
        trainMany(
          [
            { model: a, train },
            { model: a, train },
            { model: tanh, train },
          ],
          shared,
        ),
      'runs[2].model activation',
    );
    await expectInvalid(() => trainMany([], shared), 'runs');
    await expectInvalid(
      () =>
        trainMany(
          [
            { model: a, train },
            { model: a, train, optimizer: { name: 'sgd', learningRate: -1 } },
          ],
          shared,
        ),
      'runs[1].optimizer.learningRate',
    );
    await expectInvalid(() => trainMany([{ model: a, train }], { ...shared, epochs: 0 }), 'epochs');
    await expectInvalid(
      () =>
        trainMany([{ model: a, train }], {
          ...shared,
          optimizer: { name: 'adam', learningRate: Number.NaN },
        }),
      'optimizer.learningRate',
    );
    await expectInvalid(
      () => trainMany([{ model: a, train: {} as never }], shared),
      'runs[0].train',
    );
    const wide = tf.tensor2d([[0, 1]]);
    const one = tf.tensor2d([[1]]);
    const wideTrain = new DataLoader(new TensorDataset(wide, one), { batchSize: 1 });
    await expectInvalid(
      () =>
        trainMany(
          [
            { model: a, train },
            { model: a, train: wideTrain },
          ],
          shared,
        ),
      'runs[1].train batch inputs',
    );
    tf.dispose([wide, one]);
    for (const tensor of [a, wider, tanh]) tensor.dispose();
    tf.dispose([x, y]);
  });
});
