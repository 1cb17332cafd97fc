import { InvalidArgumentError } from '@epochlab/tensor/errors';
import { readDenseMlp } from '../fused/dense-mlp-model.js';
import { FusedMlpKernel } from '../fused/fused-mlp-kernel.js';
import type { TrainableModel } from '../loop/trainable-model.js';
import { createFusedLoss } from '../losses/create-loss.js';
import type { LossConfig, LossName } from '../losses/loss-registry.js';

/** Rows of inputs and targets as float32, row-major: `rows` rows of the model's input and output sizes. */
export interface GradientBatch {
  readonly inputs: Float32Array;
  readonly targets: Float32Array;
  readonly rows: number;
}

/** What `measureGradientNoise` compares: the full-batch gradient against each mini-batch's. */
export interface GradientNoiseOptions {
  /** The training loss (`'l1'`, `'mse'`, `'huber'` or a `LossConfig`). */
  readonly loss: LossName | LossConfig;
  /** Every training point: its mean loss's gradient is the full-batch gradient. */
  readonly full: GradientBatch;
  /** The mini-batches to compare with it (at least one), e.g. the next epoch's. */
  readonly batches: readonly GradientBatch[];
}

/** How far mini-batch gradients are from the full-batch gradient, at the model's current weights. */
export interface GradientNoise {
  /** Mean over the batches of cosine(g_batch, g_full): 1 means every batch points the full gradient's way. */
  readonly meanCosine: number;
  /** Mean over the batches of ||g_batch - g_full||^2: the gradient's variance across batches. */
  readonly meanSquaredDistance: number;
  /** Per batch, in the order given. */
  readonly cosines: readonly number[];
  readonly squaredDistances: readonly number[];
  /** The mean loss over all points, at these weights. */
  readonly fullLoss: number;
  /** ||g_full||. */
  readonly fullGradientNorm: number;
  /** Mean over the batches of ||g_batch||. */
  readonly meanBatchGradientNorm: number;
  /**
   * The full-batch gradient, flat in the order of `model.trainableVariables`
   * (kernel 0, bias 0, kernel 1, ..., each row-major).
   */
  readonly fullGradient: Float32Array;
}

function checkBatch(
  batch: GradientBatch,
  name: string,
  inputSize: number,
  outputSize: number,
): void {
  const ok =
    typeof batch === 'object' &&
    batch !== null &&
    batch.inputs instanceof Float32Array &&
    batch.targets instanceof Float32Array &&
    Number.isSafeInteger(batch.rows) &&
    batch.rows >= 1 &&
    batch.inputs.length >= batch.rows * inputSize &&
    batch.targets.length >= batch.rows * outputSize;
  if (!ok) {
    throw new InvalidArgumentError(
      name,
      `{ inputs, targets, rows }: Float32Arrays with rows >= 1 rows of ${inputSize} input and ${outputSize} output values`,
      batch === null || typeof batch !== 'object' ? batch : `rows ${String(batch.rows)}`,
    );
  }
}

/**
 * Cosine of two vectors, computed in double precision. Zero vectors: 1 when
 * both are zero (no direction to disagree on), 0 when only one is.
 */
function cosine(dot: number, normA: number, normB: number): number {
  if (normA === 0 || normB === 0) return normA === normB ? 1 : 0;
  return dot / (normA * normB);
}

/**
 * Measures the noise of mini-batch gradients for a dense MLP at its current
 * weights: the gradient of the mean loss over all points (`full`) against the
 * gradient of each mini-batch's mean loss, compared by cosine and by squared
 * distance, then averaged over the batches. This is what makes SGD
 * stochastic: a batch of all points has cosine 1 and distance 0; small
 * batches point elsewhere, more so the smaller they are.
 *
 * The gradients come from the fused kernel's forward and backward pass on
 * typed arrays, the same arithmetic as a fused training step (equal to tfjs's
 * gradients within float32 rounding). The weights are read from the model's
 * variables once (`dataSync`), so it works on any backend and creates no
 * tensor; the model is not changed. The model must implement `DenseMlpV1`
 * (from `@epochlab/tensor`), as `@epochlab/models`' `Mlp` does.
 *
 * Throws `InvalidArgumentError` naming `model`, `loss`, `full` or
 * `batches[k]` when one does not fit.
 *
 * @example
 * const noise = measureGradientNoise(model, {
 *   loss: 'l1',
 *   full: { inputs: xs, targets: ys, rows: 100 },
 *   batches: [{ inputs: xs.subarray(0, 5), targets: ys.subarray(0, 5), rows: 5 }],
 * });
 * noise.meanCosine; // 1: the batches agree with the full gradient; near 0: they do not
 */
export function measureGradientNoise(
  model: TrainableModel,
  options: GradientNoiseOptions,
): GradientNoise {
  const reading = readDenseMlp(model);
  if ('reason' in reading) {
    throw new InvalidArgumentError('model', 'a dense MLP (DenseMlpV1)', reading.reason);
  }
  const { dense } = reading;
  const loss = createFusedLoss(options.loss);
  const kernel = new FusedMlpKernel(dense.widths, dense.activation);
  const { inputSize, outputSize, parameters, gradients } = kernel;
  checkBatch(options.full, 'full', inputSize, outputSize);
  const { batches } = options;
  if (!Array.isArray(batches) || batches.length === 0) {
    throw new InvalidArgumentError('batches', 'a non-empty array of batches', batches);
  }
  batches.forEach((batch, index) => {
    checkBatch(batch, `batches[${index}]`, inputSize, outputSize);
  });

  let offset = 0;
  for (const variable of dense.variables) {
    parameters.set(variable.dataSync() as Float32Array, offset);
    offset += variable.size;
  }

  const { full } = options;
  const fullLoss = kernel.lossAndGradients(full.inputs, full.targets, full.rows, loss);
  const fullGradient = new Float32Array(gradients);
  let fullSquare = 0;
  for (let k = 0; k < fullGradient.length; k++) {
    const g = fullGradient[k] as number;
    fullSquare += g * g;
  }
  const fullGradientNorm = Math.sqrt(fullSquare);

  const cosines: number[] = [];
  const squaredDistances: number[] = [];
  let normSum = 0;
  for (const batch of batches) {
    kernel.lossAndGradients(batch.inputs, batch.targets, batch.rows, loss);
    let dot = 0;
    let square = 0;
    let distance = 0;
    for (let k = 0; k < gradients.length; k++) {
      const g = gradients[k] as number;
      const f = fullGradient[k] as number;
      dot += g * f;
      square += g * g;
      distance += (g - f) * (g - f);
    }
    const norm = Math.sqrt(square);
    normSum += norm;
    cosines.push(cosine(dot, norm, fullGradientNorm));
    squaredDistances.push(distance);
  }
  const mean = (values: readonly number[]) =>
    values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    meanCosine: mean(cosines),
    meanSquaredDistance: mean(squaredDistances),
    cosines,
    squaredDistances,
    fullLoss,
    fullGradientNorm,
    meanBatchGradientNorm: normSum / batches.length,
    fullGradient,
  };
}
