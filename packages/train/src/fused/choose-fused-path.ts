import { tf } from '@epochlab/tensor';
import type { TrainableModel } from '../loop/trainable-model.js';
import type { ResolvedLossConfig } from '../losses/loss-registry.js';
import type { ResolvedOptimizerConfig } from '../optimizers/optimizer-registry.js';
import type { FusedPrecisionOption } from './choose-precision.js';
import { chooseThreads, type FusedThreadsOption } from './choose-threads.js';
import { readDenseMlp } from './dense-mlp-model.js';
import { FusedMlpPath, forwardMatches } from './fused-mlp-path.js';

/**
 * Backends on which the fused path runs: both keep tensors in CPU memory, so
 * reading the weights once and writing them back is cheap, and one
 * JavaScript kernel per step beats their per-op overhead for small networks.
 */
export const FUSED_BACKENDS: readonly string[] = ['cpu', 'wasm'];

/** The fused path for a run, or why it does not apply. */
export type FusedPathChoice = { readonly path: FusedMlpPath } | { readonly reason: string };

/**
 * The fused path for this run, or the reason it does not apply: the active
 * backend is not in {@link FUSED_BACKENDS}, the model is not a dense MLP (see
 * `readDenseMlp`), or its `forward` does not compute what the fused kernel
 * computes. Every entry of `LOSSES` and `OPTIMIZERS` has a fused form.
 * `precision` picks the kernel's matrix products (see `choosePrecision`);
 * `fma` false keeps float32 products off relaxed SIMD's fused multiply-add;
 * `threads` splits its passes (see `chooseThreads`).
 */
export function chooseFusedPath(
  model: TrainableModel,
  loss: ResolvedLossConfig,
  optimizer: ResolvedOptimizerConfig,
  precision: FusedPrecisionOption = 'auto',
  fma = true,
  threads: FusedThreadsOption = 1,
): FusedPathChoice {
  const backend = tf.getBackend();
  if (!FUSED_BACKENDS.includes(backend)) {
    return { reason: `it runs on the ${FUSED_BACKENDS.join(' and ')} backends, not ${backend}` };
  }
  const reading = readDenseMlp(model);
  if ('reason' in reading) return reading;
  const path = new FusedMlpPath(
    model,
    reading.dense,
    loss,
    optimizer,
    precision,
    fma,
    chooseThreads(reading.dense.widths, threads),
  );
  if (!forwardMatches(model, path.kernel, reading.dense.activation.name)) {
    path.dispose();
    return { reason: "the model's forward does not compute what its layers describe" };
  }
  return { path };
}
