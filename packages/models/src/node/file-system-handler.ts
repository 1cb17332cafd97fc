import { mkdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { EpochlabError, InvalidArgumentError, tf } from '@epochlab/tensor';
import { writeFilesAtomically } from './atomic-write.js';

/** File name of the topology and weights manifest, as every TensorFlow.js loader expects. */
export const MODEL_JSON_FILE = 'model.json';

/** File name of the weights, listed in model.json's `weightsManifest`. */
export const WEIGHTS_FILE = 'weights.bin';

function modelJsonFor(artifacts: tf.io.ModelArtifacts): tf.io.ModelJSON {
  if (artifacts.modelTopology instanceof ArrayBuffer || artifacts.modelTopology === undefined) {
    throw new InvalidArgumentError('modelTopology', 'a JSON topology', 'binary data or nothing');
  }
  const modelJson: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology,
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
    weightsManifest: [{ paths: [`./${WEIGHTS_FILE}`], weights: artifacts.weightSpecs ?? [] }],
  };
  const optional = [
    'trainingConfig',
    'signature',
    'userDefinedMetadata',
    'modelInitializer',
    'initializerSignature',
  ] as const;
  for (const key of optional) {
    if (artifacts[key] !== undefined) Object.assign(modelJson, { [key]: artifacts[key] });
  }
  return modelJson;
}

async function readModelJson(path: string): Promise<tf.io.ModelJSON> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'it does not exist' : (error as Error).message;
    throw new EpochlabError(`cannot read ${path}: ${why}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new EpochlabError(`${path} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return checkModelJson(parsed);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The parts of model.json the loader walks before `fromArtifacts` checks the
 * rest: an object, and a weights manifest listing groups of `paths` (strings)
 * and `weights` (entries). Anything else is an `InvalidArgumentError` naming
 * the field, instead of a TypeError deep inside tf.io.
 */
function checkModelJson(parsed: unknown): tf.io.ModelJSON {
  if (!isRecord(parsed)) {
    throw new InvalidArgumentError('model.json', 'a JSON object (a TensorFlow.js model)', parsed);
  }
  const manifest = parsed.weightsManifest;
  if (!Array.isArray(manifest)) {
    throw new InvalidArgumentError('weightsManifest', 'a list of weight groups', manifest);
  }
  manifest.forEach((group: unknown, index) => {
    const field = `weightsManifest[${index}]`;
    if (!isRecord(group)) {
      throw new InvalidArgumentError(field, 'a group { paths, weights }', group);
    }
    if (!Array.isArray(group.paths) || !group.paths.every((path) => typeof path === 'string')) {
      throw new InvalidArgumentError(`${field}.paths`, 'a list of file names', group.paths);
    }
    if (!Array.isArray(group.weights) || !group.weights.every(isRecord)) {
      throw new InvalidArgumentError(`${field}.weights`, 'a list of weight entries', group.weights);
    }
  });
  return parsed as unknown as tf.io.ModelJSON;
}

/** Reads the weight files a manifest lists, refusing paths that leave `directory`. */
async function readWeights(
  directory: string,
  manifest: tf.io.WeightsManifestConfig,
): Promise<[tf.io.WeightsManifestEntry[], ArrayBuffer]> {
  const specs: tf.io.WeightsManifestEntry[] = [];
  const buffers: Buffer[] = [];
  for (const [groupIndex, group] of manifest.entries()) {
    for (const [pathIndex, path] of group.paths.entries()) {
      const file = resolve(directory, path);
      const inside = relative(directory, file);
      if (inside.startsWith('..') || isAbsolute(inside)) {
        throw new InvalidArgumentError(
          `weightsManifest[${groupIndex}].paths[${pathIndex}]`,
          'a file inside the model directory',
          path,
        );
      }
      try {
        buffers.push(await readFile(file));
      } catch (error) {
        throw new EpochlabError(
          `cannot read the weights file ${file}: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      }
    }
    specs.push(...group.weights);
  }
  const joined = Buffer.concat(buffers);
  return [specs, joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength)];
}

/**
 * A tf.io handler that saves to and loads from a directory, in the layout `tf.loadLayersModel`
 * and tfjs-node's `file://` expect: `model.json` (topology and weights manifest) and
 * `weights.bin`. Saving creates the directory if needed and replaces both files atomically
 * (temporary files in the same directory, flushed, then renamed).
 */
export function fileSystemHandler(directory: string): tf.io.IOHandler & {
  save: tf.io.SaveHandler;
  load: tf.io.LoadHandler;
} {
  const root = resolve(directory);
  const modelPath = join(root, MODEL_JSON_FILE);
  return {
    async save(artifacts) {
      const modelJson = modelJsonFor(artifacts);
      const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? []));
      await mkdir(root, { recursive: true });
      // Weights first: a model.json is never newer than the weights it describes.
      await writeFilesAtomically([
        { path: join(root, WEIGHTS_FILE), data: weights },
        { path: modelPath, data: JSON.stringify(modelJson) },
      ]);
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
    async load() {
      const modelJson = await readModelJson(modelPath);
      return tf.io.getModelArtifactsForJSON(modelJson, (manifest) => readWeights(root, manifest));
    },
  };
}
