import type { RunStepper } from './run-stepper.js';
import type { PassLoss } from './training-path.js';

/** What every run of one loop shares. */
export interface DriveOptions {
  readonly epochs: number;
  readonly signal: AbortSignal | undefined;
  /** Awaited before every epoch, with every run's weights in its model's variables. */
  readonly beforeEpoch: ((epoch: number) => void | Promise<void>) | undefined;
  /** Awaited after every epoch in which at least one run trained. */
  readonly afterEpoch?: (epoch: number) => void | Promise<void>;
}

/**
 * The learning loop, for one run or K: every epoch, `beforeEpoch`, then each
 * run still training takes its training pass, then each finishes its epoch
 * (validation, divergence, early stopping, its events), one run after the
 * other. A run that ends (diverged, stopped early) leaves the loop alone; the
 * others go on. An aborted `signal` ends every run still training with
 * status `aborted`; a training pass it cuts short is not recorded for any run.
 * When the loop is over, every run is ended (see `RunStepper.end`).
 * Returns the last epoch any run trained, or -1.
 */
export async function driveEpochs(
  runs: readonly RunStepper[],
  options: DriveOptions,
): Promise<number> {
  const { epochs, signal, beforeEpoch, afterEpoch } = options;
  let active = [...runs];
  let lastEpoch = -1;
  let aborted = false;
  for (let epoch = 0; epoch < epochs && active.length > 0 && !aborted; epoch++) {
    if (beforeEpoch !== undefined) {
      for (const run of runs) run.path.syncWeights?.();
      await beforeEpoch(epoch);
    }
    if (signal?.aborted) {
      aborted = true;
      break;
    }
    const passes: NonNullable<PassLoss>[] = [];
    for (const run of active) {
      const trained = await run.trainPass(epoch);
      if (trained === undefined) break;
      passes.push(trained);
    }
    aborted = passes.length < active.length;
    for (const [position, run] of active.entries()) {
      if (aborted) break;
      await run.finishEpoch(epoch, passes[position] as NonNullable<PassLoss>);
      aborted = run.status === 'aborted';
    }
    if (aborted) break;
    lastEpoch = epoch;
    active = active.filter((run) => run.status === 'running');
    await afterEpoch?.(epoch);
  }
  for (const run of runs) await run.end(aborted ? 'aborted' : 'completed');
  return lastEpoch;
}
