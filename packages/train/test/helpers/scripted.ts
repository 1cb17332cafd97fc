import { type Tensor2D, tf, type Variable } from '@epochlab/tensor';
import type { Batch, BatchSource, TrainableModel } from '../../src/index.js';

/**
 * A model whose output is its input: `forward(x) = x + 0 * w`. With targets of
 * zero and the L1 loss, a batch's loss is `|x|`, and the gradient with respect
 * to `w` is zero, so training never changes anything.
 */
export function createEchoModel(): TrainableModel & { dispose(): void } {
  const weight: Variable = tf.variable(tf.zeros([1, 1]));
  return {
    trainableVariables: [weight],
    forward: (x: Tensor2D) => tf.add(x, tf.mul(weight, 0)) as Tensor2D,
    dispose: () => weight.dispose(),
  };
}

/**
 * A batch source for the echo model: epoch `e` yields one `[1, 1]` batch per
 * value of `lossesPerEpoch(e)`, so each step's L1 loss is that value. Batches
 * are borrowed (disposed when the iterator advances or finishes), like the
 * real `DataLoader`'s; `epochsRequested` records the calls.
 */
export function scriptedSource(
  lossesPerEpoch: (epoch: number) => readonly number[],
): BatchSource & {
  readonly epochsRequested: number[];
} {
  const epochsRequested: number[] = [];
  return {
    epochsRequested,
    *batches(epoch: number): Generator<Batch> {
      epochsRequested.push(epoch);
      for (const loss of lossesPerEpoch(epoch)) {
        const batch = [tf.tensor2d([[loss]]), tf.tensor2d([[0]])] as const;
        try {
          yield batch;
        } finally {
          tf.dispose([...batch]);
        }
      }
    },
  };
}

/** A source whose every epoch has the same single-batch loss sequence value `losses[epoch]`. */
export function lossSequence(losses: readonly number[]): BatchSource & {
  readonly epochsRequested: number[];
} {
  return scriptedSource((epoch) => [losses[epoch] ?? (losses.at(-1) as number)]);
}
