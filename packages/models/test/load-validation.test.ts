import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EpochlabError,
  InvalidArgumentError,
  initBackend,
  SeededRandom,
  tf,
} from '@epochlab/tensor';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMlp, type Mlp, NOTEBOOK_MLP } from '../src/index.js';
import { loadMlp, saveMlp } from '../src/node.js';

let directory: string;
let saved: Mlp;

beforeAll(async () => {
  await initBackend('cpu');
  saved = createMlp(NOTEBOOK_MLP, new SeededRandom(4).stream('init'));
});

afterAll(() => saved.dispose());

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'epochlab-load-'));
  await saveMlp(saved, directory);
  return () => rm(directory, { recursive: true, force: true });
});

type ModelJson = {
  weightsManifest: {
    paths: string[];
    weights: { name: string; shape: number[]; dtype: string }[];
  }[];
};

async function editModelJson(edit: (json: ModelJson) => unknown): Promise<void> {
  const path = join(directory, 'model.json');
  const json = JSON.parse(await readFile(path, 'utf8')) as ModelJson;
  const replaced = edit(json);
  await writeFile(path, JSON.stringify(replaced === undefined ? json : replaced));
}

async function editWeights(edit: (bytes: Buffer) => Buffer): Promise<void> {
  const path = join(directory, 'weights.bin');
  await writeFile(path, edit(await readFile(path)));
}

/** The error loading the folder gives, checking that it is an EpochlabError and that no tensor leaked. */
async function loadError(): Promise<EpochlabError> {
  const before = tf.memory().numTensors;
  const error = await loadMlp(directory).then(
    (mlp) => {
      mlp.dispose();
      throw new Error('the model loaded');
    },
    (caught: unknown) => caught,
  );
  expect(tf.memory().numTensors).toBe(before);
  expect(EpochlabError.isInstance(error)).toBe(true);
  return error as EpochlabError;
}

// The notebook MLP 1-12-12-16-1 has 405 float32 parameters: 1,620 bytes of weights.
const WEIGHT_BYTES = 405 * 4;

describe('loadMlp refuses broken model folders with a clear error and no leaked tensor', () => {
  it('loads the saved folder (the baseline the cases below break)', async () => {
    expect((await readFile(join(directory, 'weights.bin'))).byteLength).toBe(WEIGHT_BYTES);
    const before = tf.memory().numTensors;
    const loaded = await loadMlp(directory);
    expect(loaded.getWeights()).toEqual(saved.getWeights());
    loaded.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('truncated weights', async () => {
    await editWeights((bytes) => bytes.subarray(0, 1000));
    const error = await loadError();
    expect((error as InvalidArgumentError).parameter).toBe('weightData');
    expect(error.message).toMatch(/1620 bytes weightSpecs describes; got "1000 bytes"/);
  });

  it('extra bytes after the weights', async () => {
    await editWeights((bytes) => Buffer.concat([bytes, Buffer.alloc(8)]));
    expect((await loadError()).message).toMatch(/got "1628 bytes"/);
  });

  it('a weight of the wrong shape', async () => {
    // dense_1's kernel declared [12, 12] as [6, 24]: same byte count, wrong shape.
    await editModelJson((json) => {
      const entry = json.weightsManifest[0]?.weights.find((w) => w.shape.join() === '12,12');
      if (entry) entry.shape = [6, 24];
    });
    const error = await loadError();
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toMatch(/shape \[12, 12\]; got \[6,24\]/);
  });

  it('NaN or infinite weights', async () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      await saveMlp(saved, directory);
      await editWeights((bytes) => {
        const copy = Buffer.from(bytes);
        copy.writeFloatLE(bad, 4 * 7); // the 8th number of the first kernel
        return copy;
      });
      const error = await loadError();
      expect(error.message).toMatch(new RegExp(`finite numbers; got "${bad} at index 7"`));
    }
  });

  it('a dtype other than float32', async () => {
    await editModelJson((json) => {
      const entry = json.weightsManifest[0]?.weights[0];
      if (entry) entry.dtype = 'int32';
    });
    const error = await loadError();
    expect((error as InvalidArgumentError).parameter).toBe('weightSpecs[0].dtype');
  });

  it('model.json holding null, a list, or a manifest that is not a list', async () => {
    for (const [content, parameter] of [
      [null, 'model.json'],
      [[1, 2], 'model.json'],
      [{ modelTopology: {}, weightsManifest: 'weights.bin' }, 'weightsManifest'],
      [{ modelTopology: {}, weightsManifest: [null] }, 'weightsManifest[0]'],
    ] as const) {
      await editModelJson(() => content);
      const error = await loadError();
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).parameter).toBe(parameter);
    }
  });
});
