import { passThreadHost } from './threads/pass-thread-host.js';
import { THREADS_FROM_MACS } from './wasm-workspace.js';

/** What `trainModel`'s `fusedThreads` option accepts: `'auto'` or a whole number >= 1. */
export type FusedThreadsOption = 'auto' | number;

/** The batch `auto` assumes when it asks whether a network's passes reach {@link THREADS_FROM_MACS}. */
const AUTO_THREADS_BATCH = 32;

/**
 * The threads a fused kernel for `widths` (input, hidden..., output) splits
 * its passes over: `option` itself when it is a number; for `auto`, 1 plus
 * the installed host's spare threads (see `PassThreadHost`) when a batch of
 * 32 rows reaches {@link THREADS_FROM_MACS} multiply-adds (two hidden layers
 * of 256 and wider), else 1. Without a host, or in `exact` precision, the
 * kernel runs on one thread whatever this says.
 */
export function chooseThreads(widths: readonly number[], option: FusedThreadsOption): number {
  if (option !== 'auto') return option;
  let macsPerRow = 0;
  for (let layer = 1; layer < widths.length; layer++) {
    macsPerRow += (widths[layer - 1] as number) * (widths[layer] as number);
  }
  if (macsPerRow * AUTO_THREADS_BATCH < THREADS_FROM_MACS) return 1;
  return 1 + (passThreadHost()?.spareThreads ?? 0);
}
