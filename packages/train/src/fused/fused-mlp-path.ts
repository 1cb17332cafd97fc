import { Mlp } from '@epochlab/models';
import { InvalidArgumentError, type Tensor2D, tf } from '@epochlab/tensor';
import type { BatchSource } from '../loop/batch-source.js';
import { checkBatch } from '../loop/check-batch.js';
import type { TrainableModel } from '../loop/trainable-model.js';
import type { PassContext, PassLoss, TrainingPath } from '../loop/training-path.js';
import type { TrainingPathName } from '../loop/training-result.js';
import { createFusedLoss } from '../losses/create-loss.js';
import type { FusedLoss } from '../losses/loss-definition.js';
import type { ResolvedLossConfig } from '../losses/loss-registry.js';
import { createFusedOptimizer } from '../optimizers/create-optimizer.js';
import type { FusedOptimizer } from '../optimizers/optimizer-definition.js';
import type { ResolvedOptimizerConfig } from '../optimizers/optimizer-registry.js';
import { type BatchFeed, createBatchFeed, firstBatchOf } from './batch-feed.js';
import { choosePrecision, type FusedPrecisionOption } from './choose-precision.js';
import type { DenseMlpModel } from './dense-mlp-model.js';
import { FusedMlpKernel } from './fused-mlp-kernel.js';

/**
 * The training path for dense MLPs on the cpu and wasm backends: every step (forward,
 * loss, backward, optimizer update of the whole network) is one call into
 * {@link FusedMlpKernel} on typed arrays, with no tensor op.
 *
 * The weights are copied out of the model's variables when the path is made
 * and written back by {@link syncWeights}, which the loop calls before it
 * delivers events, snapshots weights for early stopping, calls `beforeEpoch`
 * and when the run ends; weights assigned to the variables meanwhile are read
 * back before the next pass. Batches of a `DataLoader` over a
 * `TensorDataset` are formed from its tensors, read once, in the loader's
 * order; other sources' batch tensors are read one batch at a time.
 */
export class FusedMlpPath implements TrainingPath {
  readonly kernel: FusedMlpKernel;
  private readonly precision: FusedPrecisionOption;
  private readonly model: TrainableModel;
  private readonly dense: DenseMlpModel;
  private readonly loss: FusedLoss;
  private readonly optimizer: FusedOptimizer;
  private readonly feeds = new Map<BatchSource, BatchFeed>();
  /** The variables' buffers when the kernel's parameters last matched them. */
  private readonly seenDataIds: object[] = [];
  private dirty = false;

  constructor(
    model: TrainableModel,
    dense: DenseMlpModel,
    loss: ResolvedLossConfig,
    optimizer: ResolvedOptimizerConfig,
    precision: FusedPrecisionOption = 'auto',
    fma = true,
    threads = 1,
  ) {
    this.model = model;
    this.dense = dense;
    this.kernel = new FusedMlpKernel(
      dense.widths,
      dense.activation,
      'auto',
      choosePrecision(dense.widths, precision),
      fma,
      threads,
    );
    this.precision = precision;
    this.loss = createFusedLoss(loss);
    this.optimizer = createFusedOptimizer(optimizer, this.kernel.parameters.length);
    this.readWeights();
  }

  /**
   * `fused-wasm-simd`, `fused-wasm-simd-f32`, `fused-wasm-simd-f32-fma` or
   * `fused-js`: where the kernel's passes run, and in which precision (`auto`
   * settles it at the first training batch, whose size it takes into
   * account), with fused multiply-adds or not.
   */
  get name(): TrainingPathName {
    const { kind, precision, fma } = this.kernel.workspace;
    if (kind === 'javascript') return 'fused-js';
    if (precision !== 'float32') return 'fused-wasm-simd';
    return fma === true ? 'fused-wasm-simd-f32-fma' : 'fused-wasm-simd-f32';
  }

  /** Threads the kernel splits large passes over (see `FusedMlpKernel`). */
  get threads(): number {
    return this.kernel.workspace.threads ?? 1;
  }

  async trainEpoch(epoch: number, source: BatchSource, context: PassContext): Promise<PassLoss> {
    const { kernel, loss, optimizer } = this;
    this.followAssignments();
    const cursor = this.feedFor(source, epoch, 'train').open(epoch);
    let sum = 0;
    let batches = 0;
    try {
      while (cursor.next()) {
        if (batches > 0 && context.signal?.aborted) return undefined;
        const reported = context.batchEvents?.wants(epoch, performance.now()) === true;
        const stepLoss = kernel.trainStep(
          cursor.inputs,
          cursor.targets,
          cursor.rows,
          loss,
          optimizer,
        );
        this.dirty = true;
        sum = batches === 0 ? stepLoss : Math.fround(sum + stepLoss);
        if (reported && context.batchEvents !== undefined) {
          await context.batchEvents.handler({ epoch, batch: batches, loss: stepLoss });
        }
        batches++;
        if (context.pacer.due()) {
          await context.pacer.yield();
          this.followAssignments();
        }
      }
    } finally {
      cursor.close();
    }
    return mean(sum, batches, epoch, 'train');
  }

  async evaluate(epoch: number, source: BatchSource, context: PassContext): Promise<PassLoss> {
    const { kernel, loss } = this;
    this.followAssignments();
    const cursor = this.feedFor(source, epoch, 'validation').open(epoch);
    let sum = 0;
    let batches = 0;
    try {
      while (cursor.next()) {
        if (batches > 0 && context.signal?.aborted) return undefined;
        const batchLoss = kernel.evaluate(cursor.inputs, cursor.targets, cursor.rows, loss);
        sum = batches === 0 ? batchLoss : Math.fround(sum + batchLoss);
        batches++;
        if (context.pacer.due()) {
          await context.pacer.yield();
          this.followAssignments();
        }
      }
    } finally {
      cursor.close();
    }
    return mean(sum, batches, epoch, 'validation');
  }

  /** Writes the current weights to the model's variables, if they changed since the last time. */
  syncWeights(): void {
    if (!this.dirty) return;
    const { parameters } = this.kernel;
    const { variables } = this.dense;
    let offset = 0;
    tf.tidy(() => {
      for (const variable of variables) {
        const values = parameters.slice(offset, offset + variable.size);
        variable.assign(tf.tensor(values, variable.shape, 'float32'));
        offset += variable.size;
      }
    });
    this.rememberDataIds();
    this.dirty = false;
  }

  copyWeights(): Float32Array[] {
    this.followAssignments();
    const { parameters } = this.kernel;
    let offset = 0;
    return this.dense.variables.map((variable) => {
      offset += variable.size;
      return parameters.slice(offset - variable.size, offset);
    });
  }

  dispose(): void {
    this.syncWeights();
    this.feeds.clear();
    this.kernel.dispose();
  }

  /** Copies the variables' values into the kernel's parameters. */
  private readWeights(): void {
    let offset = 0;
    for (const variable of this.dense.variables) {
      this.kernel.parameters.set(variable.dataSync() as Float32Array, offset);
      offset += variable.size;
    }
    this.rememberDataIds();
    this.dirty = false;
  }

  private rememberDataIds(): void {
    this.dense.variables.forEach((variable, index) => {
      this.seenDataIds[index] = variable.dataId;
    });
  }

  /**
   * Takes the variables' values again when something assigned them since the
   * path last read or wrote them (`assign` gives a variable a new buffer): an
   * event handler, a paused UI or a timer that sets weights wins, as it does
   * on the generic path.
   */
  private followAssignments(): void {
    const { variables } = this.dense;
    for (let index = 0; index < variables.length; index++) {
      if ((variables[index] as { dataId: object }).dataId !== this.seenDataIds[index]) {
        this.readWeights();
        return;
      }
    }
  }

  /**
   * The feed of `source`, made at its first use: its first batch (see
   * `firstBatchOf`) is checked against the model as the generic path checks
   * it (same errors) and, for training, settles `auto`'s precision.
   */
  private feedFor(source: BatchSource, epoch: number, role: string): BatchFeed {
    let feed = this.feeds.get(source);
    if (feed !== undefined) return feed;
    const first = firstBatchOf(source, epoch);
    if (first === undefined) throw noBatches(role, epoch);
    checkBatch(this.model, first.shape, role, this.kernel.outputSize);
    if (role === 'train') {
      this.kernel.usePrecision(choosePrecision(this.dense.widths, this.precision, first.rows));
    }
    feed = createBatchFeed(source);
    this.feeds.set(source, feed);
    return feed;
  }
}

function noBatches(role: string, epoch: number): InvalidArgumentError {
  return new InvalidArgumentError(
    role,
    'a batch source that yields at least one batch per epoch',
    `no batches in epoch ${epoch}`,
  );
}

function mean(sum: number, batches: number, epoch: number, role: string): PassLoss {
  if (batches === 0) throw noBatches(role, epoch);
  return { meanLoss: sum / batches, batches };
}

/**
 * `forward` functions already seen to compute the fused forward pass, with the
 * activations they were checked with: a class's `forward` (shared by its
 * instances, e.g. every `Mlp`) is probed once per activation, not once per run.
 */
const verifiedForwards = new WeakMap<object, Set<string>>();

/**
 * Whether the kernel's forward pass matches `model.forward` on a few probe
 * rows (within float32 rounding): the structural check cannot see what
 * `forward` computes, this does (an instance of `Mlp` itself computes it by
 * construction and is not probed). `activation` is the model's.
 */
export function forwardMatches(
  model: TrainableModel,
  kernel: FusedMlpKernel,
  activation: string,
): boolean {
  // A plain Mlp's forward runs its own layers and activation, which is what
  // readDenseMlp read: no probe (running it is the first tfjs op of a fresh
  // process, about 20 ms). A subclass may change either, so it is probed.
  if (Object.getPrototypeOf(model) === Mlp.prototype) return true;
  const forward = model.forward;
  if (verifiedForwards.get(forward)?.has(activation) === true) return true;
  const matches = probeForward(model, kernel);
  if (matches) {
    const activations = verifiedForwards.get(forward) ?? new Set<string>();
    activations.add(activation);
    verifiedForwards.set(forward, activations);
  }
  return matches;
}

function probeForward(model: TrainableModel, kernel: FusedMlpKernel): boolean {
  const rows = 3;
  const probe = new Float32Array(rows * kernel.inputSize);
  for (let k = 0; k < probe.length; k++) probe[k] = Math.fround(Math.sin(1.7 * k + 0.3) * 1.5);
  const expected = tf.tidy(() =>
    model.forward(tf.tensor2d(probe, [rows, kernel.inputSize], 'float32') as Tensor2D).dataSync(),
  );
  const actual = kernel.forward(probe, rows);
  if (expected.length !== rows * kernel.outputSize) return false;
  for (let k = 0; k < expected.length; k++) {
    const a = actual[k] as number;
    const b = expected[k] as number;
    if (Number.isNaN(a) !== Number.isNaN(b)) return false;
    if (Math.abs(a - b) > 1e-4 * Math.max(1, Math.abs(b))) return false;
  }
  return true;
}
