import { BackendNotInitialisedError } from '../errors.js';
import { tf } from '../tf.js';

/** The registry name of the stand-in; tfjs shows it in `tf.getBackend()` until a real one starts. */
export const UNINITIALISED_BACKEND_NAME = 'epochlab-call-initBackend-first';

/**
 * A backend that is never used for real: it makes the first tensor op before
 * `initBackend` fail with a message naming `initBackend`, instead of tfjs's
 * "No backend found in registry." Creating a tensor writes it to the backend,
 * so every op reaches `write` first.
 */
class UninitialisedBackend extends tf.KernelBackend {
  override write(): never {
    throw new BackendNotInitialisedError();
  }

  override memory(): never {
    throw new BackendNotInitialisedError();
  }

  override numDataIds(): never {
    throw new BackendNotInitialisedError();
  }

  /** `tf.engine().reset()` disposes every backend it created; there is nothing to free. */
  override dispose(): void {}
}

/**
 * Registers the stand-in at the lowest priority: tfjs falls back to it only
 * when no other backend is registered (`initBackend` registers and selects a
 * real one; so does importing a tfjs backend package yourself).
 */
export function registerUninitialisedBackend(): void {
  if (tf.findBackendFactory(UNINITIALISED_BACKEND_NAME) !== null) return;
  tf.registerBackend(UNINITIALISED_BACKEND_NAME, () => new UninitialisedBackend(), -1000);
}
