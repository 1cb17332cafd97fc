import { InvalidArgumentError, tf } from '@epochlab/tensor';
import type { Batch } from './batch-source.js';
import type { TrainableModel } from './trainable-model.js';

/**
 * Checks a source's first batch against the model: inputs and targets are
 * `[batch, columns]` tensors with the same number of rows, the input columns
 * match the model's input size, and the model's output has the targets' shape.
 * Throws `InvalidArgumentError` naming the source (`train` or `validation`).
 * A caller that knows the model's output columns passes `outputColumns` and
 * saves running the model once.
 */
export function checkBatch(
  model: TrainableModel,
  batch: Batch,
  source: string,
  outputColumns?: number,
): void {
  const [inputs, targets] = batch;
  if (inputs.rank !== 2) {
    throw new InvalidArgumentError(
      `${source} batch inputs`,
      'a 2-D [batch, inputs] tensor',
      inputs.shape,
    );
  }
  if (targets.rank !== 2 || targets.shape[0] !== inputs.shape[0]) {
    throw new InvalidArgumentError(
      `${source} batch targets`,
      `a 2-D [batch, outputs] tensor with as many rows as the inputs (${inputs.shape[0]})`,
      targets.shape,
    );
  }
  const spec = model.spec;
  if (spec !== undefined && inputs.shape[1] !== spec.inputSize) {
    throw new InvalidArgumentError(
      `${source} batch inputs`,
      `[batch, ${spec.inputSize}] to match the model's inputSize ${spec.inputSize}`,
      inputs.shape,
    );
  }
  const columns = outputColumns ?? tf.tidy(() => model.forward(inputs as tf.Tensor2D).shape[1]);
  if (columns !== targets.shape[1]) {
    throw new InvalidArgumentError(
      `${source} batch targets`,
      `[batch, ${columns}] to match the model's output`,
      targets.shape,
    );
  }
}
