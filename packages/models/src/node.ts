/**
 * @epochlab/models/node: save and load MLPs as files (Node.js only).
 *
 * @example
 * import { createMlp, NOTEBOOK_MLP } from '@epochlab/models';
 * import { loadMlp, saveMlp } from '@epochlab/models/node';
 */
import { join, resolve } from 'node:path';
import { loadMlpFrom } from './load-mlp-from.js';
import type { Mlp } from './mlp.js';
import { fileSystemHandler, MODEL_JSON_FILE, WEIGHTS_FILE } from './node/file-system-handler.js';

export { fileSystemHandler, MODEL_JSON_FILE, WEIGHTS_FILE } from './node/file-system-handler.js';

/** Where {@link saveMlp} wrote the model. */
export interface SavedMlpFiles {
  /** Absolute path of the directory. */
  readonly directory: string;
  /** Absolute path of model.json. */
  readonly modelJson: string;
  /** Absolute path of weights.bin. */
  readonly weights: string;
}

/**
 * Saves `mlp` to `directory` (created if missing) as `model.json` + `weights.bin` in the
 * TensorFlow.js layers-model format, replacing both files atomically.
 */
export async function saveMlp(mlp: Mlp, directory: string): Promise<SavedMlpFiles> {
  const root = resolve(directory);
  await mlp.save(fileSystemHandler(root));
  return {
    directory: root,
    modelJson: join(root, MODEL_JSON_FILE),
    weights: join(root, WEIGHTS_FILE),
  };
}

/** Loads the MLP saved in `directory` (by {@link saveMlp}, or a matching tfjs-layers model). */
export function loadMlp(directory: string): Promise<Mlp> {
  return loadMlpFrom(fileSystemHandler(directory));
}
