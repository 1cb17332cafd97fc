import { tf } from '../tf.js';

/**
 * The inputs and weights of the probe: five points (the notebook's batch,
 * 20 bytes, the upload size some WebGPU adapters refuse) through one dense
 * layer with a positive, a negative and a larger positive weight.
 */
const PROBE_X = [0.1, 0.2, 0.3, 0.4, 0.5];
const PROBE_W = [0.5, -0.25, 1];
const LEAKY_SLOPE = 0.01;

/**
 * The gradient of mean(leakyRelu(x w)^2) over the 5 x 3 outputs, by hand:
 * for w_j > 0 every output is x_i w_j, for w_j < 0 it is 0.01 x_i w_j, so
 * d/dw_j = (2/15) sum_i x_i^2 w_j (times 0.01^2 for the negative one), with
 * sum_i x_i^2 = 0.55.
 */
export const PROBE_EXPECTED_GRADIENT: readonly number[] = PROBE_W.map((w) => {
  const slope = w > 0 ? 1 : LEAKY_SLOPE;
  return (2 / 15) * 0.55 * slope * slope * w;
});

/** Relative error the probe accepts: room for backends that compute in float16. */
const PROBE_TOLERANCE = 1e-2;

/**
 * Runs one training step's kinds of work on the active backend (upload, a
 * matrix product, an activation, a mean, the gradient, an asynchronous
 * read-back) and checks the numbers; returns why it failed, or `undefined`.
 * A backend can register and add two scalars yet fail here (a WebGPU
 * fallback adapter refusing small buffers, a WebGL context lost), and
 * `auto` moves on instead of failing the user's first step.
 */
export async function probeTrainingStep(): Promise<string | undefined> {
  const gradient = tf.tidy(() => {
    const x = tf.tensor2d(PROBE_X, [PROBE_X.length, 1]);
    const loss = (w: tf.Tensor) => tf.mean(tf.square(tf.leakyRelu(tf.matMul(x, w), LEAKY_SLOPE)));
    return tf.grad(loss)(tf.tensor2d(PROBE_W, [1, PROBE_W.length]));
  });
  let values: Float32Array | Int32Array | Uint8Array;
  try {
    values = await gradient.data();
  } finally {
    gradient.dispose();
  }
  for (let j = 0; j < PROBE_EXPECTED_GRADIENT.length; j++) {
    const expected = PROBE_EXPECTED_GRADIENT[j] ?? 0;
    const got = values[j] ?? Number.NaN;
    if (!(Math.abs(got - expected) <= PROBE_TOLERANCE * Math.abs(expected))) {
      return `a test training step computed a gradient of ${got} where ${expected} is right`;
    }
  }
  return undefined;
}
