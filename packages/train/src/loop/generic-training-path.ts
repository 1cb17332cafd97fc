import {
  InvalidArgumentError,
  type Scalar,
  type Tensor2D,
  tf,
  type Variable,
} from '@epochlab/tensor';
import type { LossFunction } from '../losses/loss-definition.js';
import type { Batch, BatchSource } from './batch-source.js';
import { checkBatch } from './check-batch.js';
import type { TrainableModel } from './trainable-model.js';
import type { PassContext, PassLoss, TrainingPath } from './training-path.js';

/**
 * The training path that works for every model and backend: per batch, one
 * `optimizer.minimize` inside one `tf.tidy` (forward, loss, backward, update).
 *
 * The step losses are summed on the device and read once per pass, so a GPU
 * backend syncs once per epoch, not once per step; nothing a step allocates
 * outlives it.
 */
export class GenericTrainingPath implements TrainingPath {
  readonly name = 'generic' as const;
  private readonly model: TrainableModel;
  private readonly loss: LossFunction;
  private readonly optimizer: tf.Optimizer;
  private readonly variables: Variable[];
  private readonly checkedRoles = new Set<string>();

  constructor(model: TrainableModel, loss: LossFunction, optimizer: tf.Optimizer) {
    this.model = model;
    this.loss = loss;
    this.optimizer = optimizer;
    this.variables = [...model.trainableVariables];
  }

  async trainEpoch(epoch: number, source: BatchSource, context: PassContext): Promise<PassLoss> {
    const { model, loss, optimizer, variables } = this;
    let sum: Scalar | undefined;
    let batches = 0;
    try {
      for (const batch of source.batches(epoch)) {
        if (batches > 0 && context.signal?.aborted) return undefined;
        this.checkFirstBatch(batch, 'train');
        const [inputs, targets] = batch;
        const reported = context.batchEvents?.wants(epoch, performance.now()) === true;
        let stepLoss = Number.NaN;
        const previous = sum;
        sum = tf.tidy(() => {
          const cost = optimizer.minimize(
            () => loss(model.forward(inputs as Tensor2D), targets),
            true,
            variables,
          ) as Scalar;
          if (reported) stepLoss = cost.dataSync()[0] as number;
          return previous === undefined ? cost : tf.add<Scalar>(previous, cost);
        });
        previous?.dispose();
        if (reported && context.batchEvents !== undefined) {
          await context.batchEvents.handler({ epoch, batch: batches, loss: stepLoss });
        }
        batches++;
        if (context.pacer.due()) await context.pacer.yield();
      }
      return this.mean(sum, batches, epoch, 'train');
    } finally {
      sum?.dispose();
    }
  }

  async evaluate(epoch: number, source: BatchSource, context: PassContext): Promise<PassLoss> {
    const { model, loss } = this;
    let sum: Scalar | undefined;
    let batches = 0;
    try {
      for (const batch of source.batches(epoch)) {
        if (batches > 0 && context.signal?.aborted) return undefined;
        this.checkFirstBatch(batch, 'validation');
        const [inputs, targets] = batch;
        const previous = sum;
        sum = tf.tidy(() => {
          const batchLoss = loss(model.forward(inputs as Tensor2D), targets);
          return previous === undefined ? batchLoss : tf.add<Scalar>(previous, batchLoss);
        });
        previous?.dispose();
        batches++;
        if (context.pacer.due()) await context.pacer.yield();
      }
      return this.mean(sum, batches, epoch, 'validation');
    } finally {
      sum?.dispose();
    }
  }

  dispose(): void {
    this.checkedRoles.clear();
  }

  private checkFirstBatch(batch: Batch, role: string): void {
    if (this.checkedRoles.has(role)) return;
    checkBatch(this.model, batch, role);
    this.checkedRoles.add(role);
  }

  private mean(sum: Scalar | undefined, batches: number, epoch: number, role: string): PassLoss {
    if (sum === undefined) {
      throw new InvalidArgumentError(
        role,
        'a batch source that yields at least one batch per epoch',
        `no batches in epoch ${epoch}`,
      );
    }
    return { meanLoss: (sum.dataSync()[0] as number) / batches, batches };
  }
}
