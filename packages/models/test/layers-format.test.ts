import { InvalidArgumentError, initBackend, SeededRandom, type Tensor, tf } from '@epochlab/tensor';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTIVATION_NAMES,
  type Activation,
  createMlp,
  fromArtifacts,
  loadMlpFrom,
  type Mlp,
  NOTEBOOK_MLP,
  toArtifacts,
} from '../src/index.js';
import { BACKENDS } from './reference/backends.js';

const XS = Array.from({ length: 33 }, (_, i) => -1.6 + i * 0.1);

/** Predictions of a tfjs-layers model for one input column. */
function layersPredict(model: tfl.LayersModel, xs: number[]): Float32Array {
  return tf.tidy(() => {
    const output = model.predict(tf.tensor2d(xs, [xs.length, 1])) as Tensor;
    return new Float32Array(output.dataSync());
  });
}

/** Artifacts as tfjs-layers itself saves a model. */
async function layersArtifacts(model: tfl.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!saved) throw new Error('tfjs-layers saved nothing');
  return saved;
}

afterAll(async () => {
  await initBackend('cpu');
});

describe.each(BACKENDS)('TensorFlow.js layers format on %s', (backend) => {
  beforeAll(async () => {
    await initBackend(backend);
  });

  it('round-trips through artifacts with identical weights and predictions', async () => {
    const mlp = createMlp(NOTEBOOK_MLP, new SeededRandom(3).stream('init'));
    const loaded = fromArtifacts(await toArtifacts(mlp));
    expect(loaded.spec).toEqual(mlp.spec);
    expect(loaded.getWeights()).toEqual(mlp.getWeights());
    expect(loaded.predict(XS)).toEqual(mlp.predict(XS));
    mlp.dispose();
    loaded.dispose();
  });

  it.each(ACTIVATION_NAMES)(
    'is loaded by tf.loadLayersModel with %s, same predictions',
    async (activation) => {
      const spec = { inputSize: 1, hiddenSizes: [12, 12, 16], outputSize: 1, activation };
      const mlp = createMlp(spec, new SeededRandom(4).stream('init'));
      const model = await tfl.loadLayersModel(tf.io.fromMemory(await toArtifacts(mlp)));
      expect(model.countParams()).toBe(405);
      const ours = mlp.predict(XS);
      const theirs = layersPredict(model, XS);
      // Same float32 ops in the same order: equal to the last bit on cpu. On wasm, tfjs-layers
      // applies sigmoid and tanh as separate ops while this package fuses sigmoid into the
      // matMul, and the two wasm kernels round differently in the last bits: 1e-6 there.
      if (backend === 'cpu') expect(theirs).toEqual(ours);
      else
        for (let i = 0; i < XS.length; i++)
          expect(Math.abs((theirs[i] as number) - (ours[i] as number))).toBeLessThan(1e-6);
      model.dispose();
      mlp.dispose();
    },
  );

  it('loads Sequential models saved by tfjs-layers', async () => {
    const cases: [Activation, () => tfl.Sequential][] = [
      [
        'relu',
        () =>
          tfl.sequential({
            layers: [
              tfl.layers.dense({ units: 8, inputShape: [1], activation: 'relu' }),
              tfl.layers.dense({ units: 4, activation: 'relu' }),
              tfl.layers.dense({ units: 1 }),
            ],
          }),
      ],
      [
        'leakyRelu',
        () =>
          tfl.sequential({
            layers: [
              tfl.layers.dense({ units: 6, inputShape: [1] }),
              tfl.layers.leakyReLU({ alpha: 0.01 }),
              tfl.layers.dense({ units: 1 }),
            ],
          }),
      ],
      [
        'tanh',
        () =>
          tfl.sequential({
            layers: [
              tfl.layers.dense({ units: 5, inputShape: [1] }),
              tfl.layers.activation({ activation: 'tanh' }),
              tfl.layers.dense({ units: 1 }),
            ],
          }),
      ],
    ];
    for (const [activation, build] of cases) {
      const model = build();
      const mlp = fromArtifacts(await layersArtifacts(model));
      expect(mlp.spec.activation).toBe(activation);
      expect(mlp.parameterCount).toBe(model.countParams());
      const theirs = layersPredict(model, XS);
      const ours = mlp.predict(XS);
      for (let i = 0; i < XS.length; i++)
        expect(Math.abs((theirs[i] as number) - (ours[i] as number))).toBeLessThan(1e-6);
      model.dispose();
      mlp.dispose();
    }
  });
});

describe('layers-model topology', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  it('has the structure tfjs-layers writes for the same network', async () => {
    const mlp = createMlp(NOTEBOOK_MLP, new SeededRandom(1));
    const ours = await toArtifacts(mlp);
    const model = tfl.sequential({
      layers: [
        tfl.layers.dense({ units: 12, inputShape: [1] }),
        tfl.layers.leakyReLU({ alpha: 0.01 }),
        tfl.layers.dense({ units: 12 }),
        tfl.layers.leakyReLU({ alpha: 0.01 }),
        tfl.layers.dense({ units: 16 }),
        tfl.layers.leakyReLU({ alpha: 0.01 }),
        tfl.layers.dense({ units: 1 }),
      ],
    });
    const theirs = await layersArtifacts(model);
    type Topology = {
      class_name: string;
      config: { layers: { class_name: string; config: Record<string, unknown> }[] };
    };
    const outline = (topology: unknown) => {
      const { class_name, config } = topology as Topology;
      return {
        class_name,
        layers: config.layers.map((layer) => [
          layer.class_name,
          Object.keys(layer.config).sort(),
          layer.config.units,
          layer.config.activation,
          layer.config.alpha,
        ]),
      };
    };
    expect(outline(ours.modelTopology)).toEqual(outline(theirs.modelTopology));
    expect(Object.keys(ours.modelTopology as object).sort()).toEqual(
      Object.keys(theirs.modelTopology as object).sort(),
    );
    expect(ours.format).toBe('layers-model');
    expect(ours.weightSpecs?.map((s) => [s.shape, s.dtype])).toEqual(
      theirs.weightSpecs?.map((s) => [s.shape, s.dtype]),
    );
    expect(ours.weightSpecs?.map((s) => s.name)).toEqual([
      'dense_Dense1/kernel',
      'dense_Dense1/bias',
      'dense_Dense2/kernel',
      'dense_Dense2/bias',
      'dense_Dense3/kernel',
      'dense_Dense3/bias',
      'dense_Dense4/kernel',
      'dense_Dense4/bias',
    ]);
    expect((ours.weightData as ArrayBuffer).byteLength).toBe(405 * 4);
    model.dispose();
    mlp.dispose();
  });

  it('records the initialisation in the topology and reads it back', async () => {
    for (const init of ['pytorch', 'glorot'] as const) {
      const mlp = createMlp({ ...NOTEBOOK_MLP, init }, new SeededRandom(1));
      const loaded = fromArtifacts(await toArtifacts(mlp));
      expect(loaded.spec.init).toBe(init);
      mlp.dispose();
      loaded.dispose();
    }
  });

  it('saves through any tf.io handler and loads back', async () => {
    const mlp = createMlp(NOTEBOOK_MLP, new SeededRandom(8));
    let saved: tf.io.ModelArtifacts | undefined;
    const result = await mlp.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
      }),
    );
    expect(result.modelArtifactsInfo.weightDataBytes).toBe(405 * 4);
    const loaded = await loadMlpFrom(tf.io.fromMemory(saved as tf.io.ModelArtifacts));
    expect(loaded.predict(XS)).toEqual(mlp.predict(XS));
    await expect(mlp.save('nowhere://model')).rejects.toThrow(InvalidArgumentError);
    await expect(loadMlpFrom('nowhere://model')).rejects.toThrow(
      /source must be a tf.io IOHandler/,
    );
    mlp.dispose();
    loaded.dispose();
  });
});

describe('reading artifacts this package cannot run', () => {
  let artifacts: tf.io.ModelArtifacts;
  let mlp: Mlp;

  beforeAll(async () => {
    await initBackend('cpu');
    mlp = createMlp({ inputSize: 1, hiddenSizes: [3], outputSize: 1 }, new SeededRandom(2));
    artifacts = await toArtifacts(mlp);
  });

  afterAll(() => mlp.dispose());

  /** A deep copy of the artifacts with `edit` applied to the topology's layers. */
  function withLayers(
    edit: (layers: { class_name: string; config: Record<string, unknown> }[]) => void,
  ) {
    const topology = structuredClone(artifacts.modelTopology) as {
      config: { layers: { class_name: string; config: Record<string, unknown> }[] };
    };
    edit(topology.config.layers);
    return { ...artifacts, modelTopology: topology };
  }

  function parameterOf(action: () => unknown): string {
    try {
      action();
    } catch (error) {
      if (InvalidArgumentError.isInstance(error)) return error.parameter;
      throw error;
    }
    throw new Error('expected an InvalidArgumentError');
  }

  it.each([
    [
      'a LeakyReLU with Keras default slope',
      withLayersLater((layers) => {
        (layers[1] as { config: Record<string, unknown> }).config.alpha = 0.3;
      }),
      'modelTopology.config.layers[1].config.alpha',
    ],
    [
      'an unsupported layer',
      withLayersLater((layers) => {
        (layers[1] as { class_name: string }).class_name = 'Dropout';
      }),
      'modelTopology.config.layers[1].class_name',
    ],
    [
      'an unsupported Dense activation',
      withLayersLater((layers) => {
        (layers[0] as { config: Record<string, unknown> }).config.activation = 'softmax';
      }),
      'modelTopology.config.layers[0].config.activation',
    ],
    [
      'a Dense layer without bias',
      withLayersLater((layers) => {
        (layers[2] as { config: Record<string, unknown> }).config.use_bias = false;
      }),
      'modelTopology.config.layers[2].config.use_bias',
    ],
  ])('rejects %s, naming the field', (_, makeArtifacts, parameter) => {
    expect(parameterOf(() => fromArtifacts(makeArtifacts()))).toBe(parameter);
  });

  function withLayersLater(edit: Parameters<typeof withLayers>[0]) {
    return () => withLayers(edit);
  }

  it('rejects missing or short weights and other topologies', () => {
    const countBefore = tf.memory().numTensors;
    expect(parameterOf(() => fromArtifacts({ ...artifacts, weightData: new ArrayBuffer(8) }))).toBe(
      'weightData',
    );
    expect(parameterOf(() => fromArtifacts({ ...artifacts, weightData: undefined }))).toBe(
      'weightData',
    );
    expect(parameterOf(() => fromArtifacts({ ...artifacts, weightSpecs: [] }))).toBe('weightSpecs');
    expect(parameterOf(() => fromArtifacts({ ...artifacts, format: 'graph-model' }))).toBe(
      'format',
    );
    expect(
      parameterOf(() => fromArtifacts({ ...artifacts, modelTopology: new ArrayBuffer(4) })),
    ).toBe('modelTopology');
    expect(
      parameterOf(() =>
        fromArtifacts({ ...artifacts, modelTopology: { class_name: 'Model', config: {} } }),
      ),
    ).toBe('modelTopology.class_name');
    expect(tf.memory().numTensors).toBe(countBefore);
  });
});
