/** Backends every numeric test runs on (the ones available in Node without native TensorFlow). */
export const BACKENDS = ['cpu', 'wasm'] as const;
