import type { TrainingPathName, TrainingPathOption } from '../../src/index.js';

/**
 * Both training paths, for `describe.each`: the default (`auto`, which takes
 * the fused path for an `Mlp` on cpu) and the generic one forced. Tests that
 * train a real MLP run on each, so the fused path keeps every behaviour.
 */
export const TRAINING_PATHS: readonly {
  readonly option: TrainingPathOption;
  readonly name: TrainingPathName;
}[] = [
  { option: 'auto', name: 'fused-wasm-simd' },
  { option: 'generic', name: 'generic' },
];
