import type { BackendCandidate } from './backend-candidate.js';

/**
 * What `auto` needs to know about the work in front of it: how much
 * arithmetic one training step does. Small steps are dominated by the
 * per-op cost of dispatching to a GPU or to native TensorFlow, large ones
 * by the arithmetic those backends do faster.
 */
export interface BackendWorkload {
  /** Multiply-adds of one training step (forward and backward pass of one batch). */
  readonly multiplyAddsPerStep: number;
  /** A few words on the workload for the reason `auto` gives, e.g. `a 1-12-12-16-1 MLP, batch 5`. */
  readonly description: string;
}

/**
 * Below this many multiply-adds per step, `auto` prefers the backends whose
 * tensors live in JavaScript memory (`cpu`, `wasm`), where `@epochlab/train`'s
 * fused path runs a whole step in one kernel; from it upward, the listed
 * order (GPU and native backends first).
 *
 * Where the number comes from: a GPU or native backend pays a fixed cost per
 * op (10-40 µs for native TensorFlow, 50 µs to 1 ms for WebGL and WebGPU
 * dispatch and read-back) and a dense MLP's training step is 30-60 ops, so a
 * step costs them at least about 2 ms whatever its size. The fused path does
 * about 1.5-2 billion multiply-adds per second on one core (the notebook's
 * MLP at batch 2048 trains 1.5 million samples/s), so it spends 2 ms on a
 * step of about 4 million multiply-adds. Twice that leaves room for the GPU's
 * own arithmetic and for the read-back of the loss every step. The notebook's
 * model (405 weights, batch 5) needs about 6,000 per step: 1,300 times less.
 */
export const ACCELERATOR_MIN_MULTIPLY_ADDS = 8_000_000;

/**
 * The workload of training a dense MLP with these layer sizes (inputs first,
 * outputs last) on batches of `batchSize` rows: the forward pass does
 * `batchSize * sum(in * out)` multiply-adds and the backward pass twice that
 * (one product for the weights' gradients, one for the inputs' gradients).
 *
 * @example
 * initBackend('auto', { workload: denseMlpWorkload([1, 12, 12, 16, 1], 5) });
 */
export function denseMlpWorkload(
  layerSizes: readonly number[],
  batchSize: number,
): BackendWorkload {
  let weights = 0;
  for (let i = 1; i < layerSizes.length; i++) {
    weights += (layerSizes[i - 1] ?? 0) * (layerSizes[i] ?? 0);
  }
  return {
    multiplyAddsPerStep: 3 * batchSize * weights,
    description: `a ${layerSizes.join('-')} MLP, batch ${batchSize}`,
  };
}

/** Candidates in the order `auto` tries them for `workload`, and why. */
export interface RankedCandidates {
  readonly order: readonly BackendCandidate[];
  /** Why this order, in a few words (empty when no workload was given). */
  readonly why: string;
}

/**
 * The backend a small workload tries first: the fused path runs as fast on
 * it as on `wasm`, it needs no binary to download, and it is the reference
 * whose numbers are bit-identical in Node and browsers.
 */
const REFERENCE_BACKEND = 'cpu';

/**
 * The order `auto` tries `candidates` in: for a small workload (below
 * {@link ACCELERATOR_MIN_MULTIPLY_ADDS}) `cpu`, then the other host-memory
 * backends, then the rest, each in their listed order; otherwise, and without
 * a workload, the listed order.
 */
export function rankCandidates(
  candidates: readonly BackendCandidate[],
  workload: BackendWorkload | undefined,
): RankedCandidates {
  if (workload === undefined) return { order: candidates, why: '' };
  const steps = formatCount(workload.multiplyAddsPerStep);
  const limit = formatCount(ACCELERATOR_MIN_MULTIPLY_ADDS);
  if (workload.multiplyAddsPerStep >= ACCELERATOR_MIN_MULTIPLY_ADDS) {
    return {
      order: candidates,
      why: `${workload.description} needs about ${steps} multiply-adds per step, enough for a GPU or native backend to pay for its per-op cost (from ${limit})`,
    };
  }
  return {
    order: [
      ...candidates.filter((c) => c.name === REFERENCE_BACKEND),
      ...candidates.filter((c) => c.hostMemory && c.name !== REFERENCE_BACKEND),
      ...candidates.filter((c) => !c.hostMemory),
    ],
    why: `${workload.description} needs about ${steps} multiply-adds per step, too few for a GPU or native backend to pay for its per-op cost (from ${limit}), so the backends that run the fused path come first`,
  };
}

function formatCount(count: number): string {
  if (count >= 1e9) return `${round(count / 1e9)} billion`;
  if (count >= 1e6) return `${round(count / 1e6)} million`;
  return Math.round(count).toLocaleString('en-US');
}

function round(value: number): string {
  return value >= 10 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '');
}
