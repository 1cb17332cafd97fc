import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EpochlabError,
  InvalidArgumentError,
  initBackend,
  SeededRandom,
  type Tensor,
  tf,
} from '@epochlab/tensor';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMlp, NOTEBOOK_MLP } from '../src/index.js';
import { fileSystemHandler, loadMlp, saveMlp } from '../src/node.js';
import { BACKENDS } from './reference/backends.js';

const XS = Array.from({ length: 21 }, (_, i) => -1 + i * 0.1);
let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'epochlab-models-'));
  return () => rm(directory, { recursive: true, force: true });
});

afterAll(async () => {
  await initBackend('cpu');
});

/** Artifacts built from the files by tfjs-core's own model.json reader, not by this package. */
async function artifactsFromFiles(folder: string): Promise<tf.io.ModelArtifacts> {
  const modelJson = JSON.parse(await readFile(join(folder, 'model.json'), 'utf8'));
  return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
    const group = manifest[0] as tf.io.WeightsManifestConfig[number];
    const bytes = await readFile(join(folder, group.paths[0] as string));
    return [
      group.weights,
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    ];
  });
}

describe.each(BACKENDS)('saveMlp and loadMlp on %s', (backend) => {
  beforeAll(async () => {
    await initBackend(backend);
  });

  it('writes model.json and weights.bin, and loading reproduces the predictions exactly', async () => {
    const mlp = createMlp(NOTEBOOK_MLP, new SeededRandom(21).stream('init'));
    const files = await saveMlp(mlp, join(directory, 'model'));
    expect(files.modelJson).toBe(join(directory, 'model', 'model.json'));
    expect((await readdir(join(directory, 'model'))).sort()).toEqual(['model.json', 'weights.bin']);
    expect((await readFile(files.weights)).byteLength).toBe(405 * 4);
    const modelJson = JSON.parse(await readFile(files.modelJson, 'utf8'));
    expect(modelJson.format).toBe('layers-model');
    expect(modelJson.weightsManifest[0].paths).toEqual(['./weights.bin']);

    const loaded = await loadMlp(join(directory, 'model'));
    expect(loaded.spec).toEqual(mlp.spec);
    expect(loaded.predict(XS)).toEqual(mlp.predict(XS));
    loaded.dispose();
    mlp.dispose();
  });

  it('writes files tf.loadLayersModel loads with the same predictions', async () => {
    const mlp = createMlp(NOTEBOOK_MLP, new SeededRandom(22).stream('init'));
    await saveMlp(mlp, directory);
    const model = await tfl.loadLayersModel(tf.io.fromMemory(await artifactsFromFiles(directory)));
    const theirs = tf.tidy(() =>
      (model.predict(tf.tensor2d(XS, [XS.length, 1])) as Tensor).dataSync(),
    );
    expect(new Float32Array(theirs)).toEqual(mlp.predict(XS));
    model.dispose();
    mlp.dispose();
  });
});

describe('atomic files', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  it('replaces an earlier save and leaves no temporary files', async () => {
    const first = createMlp(NOTEBOOK_MLP, new SeededRandom(1));
    const second = createMlp({ ...NOTEBOOK_MLP, hiddenSizes: [5] }, new SeededRandom(2));
    await saveMlp(first, directory);
    await saveMlp(second, directory);
    expect((await readdir(directory)).sort()).toEqual(['model.json', 'weights.bin']);
    const loaded = await loadMlp(directory);
    expect(loaded.spec.hiddenSizes).toEqual([5]);
    expect(loaded.predict(XS)).toEqual(second.predict(XS));
    for (const mlp of [first, second, loaded]) mlp.dispose();
  });

  it('leaves the previous files untouched and no temporary files when a save fails', async () => {
    const mlp = createMlp(NOTEBOOK_MLP, new SeededRandom(1));
    // A directory where weights.bin should go makes the rename into place fail.
    await writeFile(join(directory, 'model.json'), '{"previous": true}');
    await mkdir(join(directory, 'weights.bin'));
    await writeFile(join(directory, 'weights.bin', 'keep'), 'x');
    await expect(saveMlp(mlp, directory)).rejects.toThrow();
    expect((await readdir(directory)).sort()).toEqual(['model.json', 'weights.bin']);
    expect(await readFile(join(directory, 'model.json'), 'utf8')).toBe('{"previous": true}');
    mlp.dispose();
  });

  it('works as a tf.io handler for mlp.save', async () => {
    const mlp = createMlp(NOTEBOOK_MLP, new SeededRandom(4));
    const result = await mlp.save(fileSystemHandler(directory));
    expect(result.modelArtifactsInfo.weightDataBytes).toBe(405 * 4);
    expect((await readdir(directory)).sort()).toEqual(['model.json', 'weights.bin']);
    mlp.dispose();
  });
});

describe('loading bad folders', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  it('says which file is missing or broken', async () => {
    await expect(loadMlp(join(directory, 'absent'))).rejects.toThrow(
      /model\.json: it does not exist/,
    );
    await expect(loadMlp(join(directory, 'absent'))).rejects.toSatisfy(EpochlabError.isInstance);
    await writeFile(join(directory, 'model.json'), '{ not json');
    await expect(loadMlp(directory)).rejects.toThrow(/is not valid JSON/);
  });

  it('refuses weight paths outside the model folder', async () => {
    const mlp = createMlp(NOTEBOOK_MLP, new SeededRandom(1));
    await saveMlp(mlp, directory);
    const modelJson = JSON.parse(await readFile(join(directory, 'model.json'), 'utf8'));
    modelJson.weightsManifest[0].paths = ['../../etc/passwd'];
    await writeFile(join(directory, 'model.json'), JSON.stringify(modelJson));
    const error = await loadMlp(directory).catch((caught: unknown) => caught);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).parameter).toBe('weightsManifest[0].paths[0]');
    mlp.dispose();
  });
});
