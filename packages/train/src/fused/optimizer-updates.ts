import type { ResolvedOptimizerConfig } from '../optimizers/resolve-optimizer-config.js';

/**
 * An optimizer on plain float32 arrays: `step` updates `parameters` in place
 * from `gradients` (same layout), keeping its own state (moments, buffers).
 */
export interface FusedOptimizer {
  step(parameters: Float32Array, gradients: Float32Array): void;
}

const f = Math.fround;

/**
 * The fused form of a train-package optimizer config, following the update
 * rules of the tfjs optimizers `createOptimizer` builds, in float32:
 *
 * - `sgd`: `p += (-lr) g`; with momentum (tfjs's `MomentumOptimizer`)
 *   `a = m a + g`, `p += (-lr) a`, Nesterov `p += (-lr) (g + m a)`;
 * - `adam` (tfjs's `AdamOptimizer`): moments `m`, `v`, bias corrections with
 *   `beta^t` kept as a float32 product, `p += (-lr) m^ / (sqrt(v^) + eps)`;
 * - `rmsprop` (epochlab's `RmspropOptimizer`, PyTorch's rule).
 */
export function createFusedOptimizer(
  config: ResolvedOptimizerConfig,
  size: number,
): FusedOptimizer {
  switch (config.name) {
    case 'sgd': {
      const negativeRate = f(-config.learningRate);
      if (config.momentum === 0) {
        return {
          step(parameters, gradients) {
            for (let k = 0; k < size; k++) {
              parameters[k] =
                f(negativeRate * (gradients[k] as number)) + (parameters[k] as number);
            }
          },
        };
      }
      const momentum = f(config.momentum);
      const accumulation = new Float32Array(size);
      const nesterov = config.nesterov;
      return {
        step(parameters, gradients) {
          for (let k = 0; k < size; k++) {
            const g = gradients[k] as number;
            const a = f(f(momentum * (accumulation[k] as number)) + g);
            accumulation[k] = a;
            const direction = nesterov ? f(g + f(a * momentum)) : a;
            parameters[k] = f(negativeRate * direction) + (parameters[k] as number);
          }
        },
      };
    }
    case 'adam': {
      const beta1 = f(config.beta1);
      const beta2 = f(config.beta2);
      const oneMinusBeta1 = f(1 - config.beta1);
      const oneMinusBeta2 = f(1 - config.beta2);
      const epsilon = f(config.epsilon);
      const negativeRate = f(-config.learningRate);
      const first = new Float32Array(size);
      const second = new Float32Array(size);
      let accBeta1 = beta1;
      let accBeta2 = beta2;
      return {
        step(parameters, gradients) {
          const correction1 = f(1 - accBeta1);
          const correction2 = f(1 - accBeta2);
          for (let k = 0; k < size; k++) {
            const g = gradients[k] as number;
            const m = f(f(beta1 * (first[k] as number)) + f(oneMinusBeta1 * g));
            const v = f(f(beta2 * (second[k] as number)) + f(oneMinusBeta2 * f(g * g)));
            first[k] = m;
            second[k] = v;
            const mHat = f(m / correction1);
            const vHat = f(v / correction2);
            const update = f(mHat / f(f(Math.sqrt(vHat)) + epsilon));
            parameters[k] = f(update * negativeRate) + (parameters[k] as number);
          }
          accBeta1 = f(accBeta1 * beta1);
          accBeta2 = f(accBeta2 * beta2);
        },
      };
    }
    case 'rmsprop': {
      const alpha = f(config.alpha);
      const oneMinusAlpha = f(1 - config.alpha);
      const epsilon = f(config.epsilon);
      const momentum = f(config.momentum);
      const rate = f(config.learningRate);
      const meanSquare = new Float32Array(size);
      const meanGradient = config.centered ? new Float32Array(size) : undefined;
      const buffer = config.momentum > 0 ? new Float32Array(size) : undefined;
      return {
        step(parameters, gradients) {
          for (let k = 0; k < size; k++) {
            const g = gradients[k] as number;
            const ms = f(f((meanSquare[k] as number) * alpha) + f(f(g * g) * oneMinusAlpha));
            meanSquare[k] = ms;
            let variance = ms;
            if (meanGradient !== undefined) {
              const mg = f(f((meanGradient[k] as number) * alpha) + f(g * oneMinusAlpha));
              meanGradient[k] = mg;
              variance = f(ms - f(mg * mg));
            }
            let step = f(g / f(f(Math.sqrt(variance)) + epsilon));
            if (buffer !== undefined) {
              step = f(f((buffer[k] as number) * momentum) + step);
              buffer[k] = step;
            }
            parameters[k] = (parameters[k] as number) - f(step * rate);
          }
        },
      };
    }
  }
}
