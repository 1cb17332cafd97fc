import { tf } from '@epochlab/tensor';
import type { TrainableModel } from '../loop/trainable-model.js';
import type { LossConfig } from '../losses/loss-function.js';
import type { ResolvedOptimizerConfig } from '../optimizers/resolve-optimizer-config.js';
import { asDenseMlp } from './dense-mlp-model.js';
import { FusedMlpPath, forwardMatches } from './fused-mlp-path.js';

/**
 * Backends on which the fused path runs: both keep tensors in CPU memory, so
 * reading the weights once and writing them back is cheap, and one
 * JavaScript kernel per step beats their per-op overhead for small networks.
 */
export const FUSED_BACKENDS: readonly string[] = ['cpu', 'wasm'];

/**
 * The fused path for this run, or `undefined` when it does not apply: the
 * active backend is not in {@link FUSED_BACKENDS}, the model is not a dense
 * MLP (see `asDenseMlp`), or its `forward` does not compute what the fused
 * kernel computes. Every loss and optimizer config of this package is
 * supported.
 */
export function chooseFusedPath(
  model: TrainableModel,
  loss: LossConfig,
  optimizer: ResolvedOptimizerConfig,
): FusedMlpPath | undefined {
  if (!FUSED_BACKENDS.includes(tf.getBackend())) return undefined;
  const dense = asDenseMlp(model);
  if (dense === undefined) return undefined;
  const path = new FusedMlpPath(model, dense, loss, optimizer);
  if (!forwardMatches(model, path.kernel, dense.activation)) return undefined;
  return path;
}
