import type { KernelPrecision } from './mlp-workspace.js';

/** The values of `trainModel`'s and `trainMany`'s `fusedPrecision` option. */
export const FUSED_PRECISION_OPTIONS = ['auto', 'exact', 'float32'] as const;

/** What `trainModel`'s and `trainMany`'s `fusedPrecision` option accepts. */
export type FusedPrecisionOption = (typeof FUSED_PRECISION_OPTIONS)[number];

/**
 * The hidden width from which `auto` picks `float32`. Below it (the notebook's
 * 12,12,16, eight layers of 32) the exact passes are already 5-80x ahead of
 * PyTorch and stay bit-identical with tfjs cpu; from it upwards the matrix
 * products dominate the step and the float32 products run 2-10x faster than
 * the exact ones (the train README's crossover table).
 */
export const FLOAT32_FROM_WIDTH = 64;

/**
 * The training batch (rows) from which `auto` picks `float32` for any
 * network: the notebook's network at batch 512 and more is where PyTorch
 * (OpenBLAS) catches up with the exact passes, and the float32 ones run it
 * 1.6-1.9x faster.
 */
export const FLOAT32_FROM_BATCH = 512;

/**
 * The precision of the fused kernel's matrix products for a network of
 * `widths` (input, hidden..., output) trained on batches of `batchRows`
 * (unknown: `undefined`): `option` itself unless it is `auto`, then
 * `float32` when a hidden layer has {@link FLOAT32_FROM_WIDTH} units or more
 * or the batch has {@link FLOAT32_FROM_BATCH} rows or more, else `exact`.
 */
export function choosePrecision(
  widths: readonly number[],
  option: FusedPrecisionOption,
  batchRows?: number,
): KernelPrecision {
  if (option !== 'auto') return option;
  const hidden = widths.slice(1, -1);
  if (hidden.some((width) => width >= FLOAT32_FROM_WIDTH)) return 'float32';
  return batchRows !== undefined && batchRows >= FLOAT32_FROM_BATCH ? 'float32' : 'exact';
}
