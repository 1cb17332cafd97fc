import { InvalidArgumentError, tf } from '@epochlab/tensor';

/** Where a model can be saved: a tf.io handler, or a URL whose scheme tf.io knows. */
export type SaveTarget = string | tf.io.IOHandler;

/** Where a model can be loaded from: a tf.io handler, or a URL whose scheme tf.io knows. */
export type LoadSource = string | tf.io.IOHandler;

/** A tf.io handler known to save. */
export type SavingHandler = tf.io.IOHandler & { save: tf.io.SaveHandler };

/** A tf.io handler known to load. */
export type LoadingHandler = tf.io.IOHandler & { load: tf.io.LoadHandler };

const BROWSER_SCHEMES =
  'a tf.io IOHandler, or a URL with a registered scheme (in browsers downloads://, indexeddb://, localstorage://)';

function soleHandler(handlers: tf.io.IOHandler[], parameter: string, url: string): tf.io.IOHandler {
  if (handlers.length === 1 && handlers[0]) return handlers[0];
  throw new InvalidArgumentError(
    parameter,
    handlers.length > 1 ? 'a URL only one tf.io router claims' : BROWSER_SCHEMES,
    url,
  );
}

/** The handler that saves to `target`; throws `InvalidArgumentError` if none (or several) fit. */
export function resolveSaveHandler(target: SaveTarget): SavingHandler {
  if (typeof target === 'string') {
    return soleHandler(tf.io.getSaveHandlers(target), 'target', target) as SavingHandler;
  }
  if (typeof target?.save !== 'function') {
    throw new InvalidArgumentError('target', `${BROWSER_SCHEMES} that can save`, target);
  }
  return target as SavingHandler;
}

/** The handler that loads from `source`; throws `InvalidArgumentError` if none (or several) fit. */
export function resolveLoadHandler(source: LoadSource): LoadingHandler {
  if (typeof source === 'string') {
    return soleHandler(tf.io.getLoadHandlers(source), 'source', source) as LoadingHandler;
  }
  if (typeof source?.load !== 'function') {
    throw new InvalidArgumentError('source', `${BROWSER_SCHEMES} that can load`, source);
  }
  return source as LoadingHandler;
}
