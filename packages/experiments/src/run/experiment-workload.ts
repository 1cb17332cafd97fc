import { type BackendWorkload, denseMlpWorkload } from '@epochlab/tensor';

/**
 * The work one training step of a config does, for `initBackend('auto')`:
 * its MLP (one input, `hidden`, one output) on batches of `batchSize` points
 * (at most `n`), `runs` models at once (the batch-size lab trains its seeds
 * together). The notebook's line is about 6,000 multiply-adds per step, so
 * `auto` runs it on the fused path (cpu) instead of a GPU.
 */
export function experimentWorkload(
  config: { readonly hidden: readonly number[]; readonly n: number },
  batchSize: number,
  runs = 1,
): BackendWorkload {
  const batch = Math.min(batchSize, config.n);
  const one = denseMlpWorkload([1, ...config.hidden, 1], batch);
  return {
    multiplyAddsPerStep: one.multiplyAddsPerStep * runs,
    description: runs === 1 ? one.description : `${runs} runs of ${one.description}`,
  };
}
