import { type LoadSource, resolveLoadHandler } from './io-handlers.js';
import { fromArtifacts } from './layers-format/from-artifacts.js';
import type { Mlp } from './mlp.js';

/**
 * Loads an MLP saved in the TensorFlow.js layers-model format through a tf.io handler or URL
 * (`indexeddb://name`, `localstorage://name`, `http(s)://.../model.json`, `tf.io.browserFiles`,
 * `tf.io.fromMemory`, ...). In Node, use `loadMlp(directory)` from `@epochlab/models/node`.
 */
export async function loadMlpFrom(source: LoadSource): Promise<Mlp> {
  const handler = resolveLoadHandler(source);
  return fromArtifacts(await handler.load());
}
