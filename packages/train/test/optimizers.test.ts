import { countTensors, initBackend, type Scalar, tf, type Variable } from '@epochlab/tensor';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createOptimizer,
  OPTIMIZER_DEFAULTS,
  OPTIMIZERS,
  type OptimizerConfig,
} from '../src/index.js';
import { createFusedOptimizer } from '../src/optimizers/create-optimizer.js';
import { resolveOptimizerConfig } from '../src/optimizers/resolve-optimizer-config.js';
import { expectBriefRun } from './helpers/brief-run.js';
import { expectInvalid } from './helpers/expect-invalid.js';
import { TRAINING_PATHS } from './helpers/training-paths.js';

beforeAll(async () => {
  await initBackend('cpu');
});

/**
 * A linear model y = w x + b with the MSE loss on a fixed batch, and its
 * gradient by hand: with e_i = w x_i + b - y_i,
 * dL/dw = (2 / n) sum(e_i x_i) and dL/db = (2 / n) sum(e_i).
 */
class LinearProblem {
  readonly w: Variable;
  readonly b: Variable;
  private readonly x: number[];
  private readonly y: number[];

  constructor(w: number, b: number, x: number[], y: number[]) {
    this.w = tf.variable(tf.tensor2d([[w]]));
    this.b = tf.variable(tf.tensor1d([b]));
    this.x = x;
    this.y = y;
  }

  lossFunction(): () => Scalar {
    const x = tf.tensor2d(this.x, [this.x.length, 1]);
    const y = tf.tensor2d(this.y, [this.y.length, 1]);
    return () => tf.mean(tf.squaredDifference(tf.add(tf.matMul(x, this.w), this.b), y));
  }

  step(optimizer: tf.Optimizer): void {
    tf.tidy(() => {
      optimizer.minimize(this.lossFunction(), false, [this.w, this.b]);
    });
  }

  static gradient(w: number, b: number, x: number[], y: number[]): [number, number] {
    let dw = 0;
    let db = 0;
    x.forEach((xi, i) => {
      const error = w * xi + b - (y[i] as number);
      dw += (2 / x.length) * error * xi;
      db += (2 / x.length) * error;
    });
    return [dw, db];
  }

  values(): [number, number] {
    return [this.w.dataSync()[0] as number, this.b.dataSync()[0] as number];
  }

  dispose(): void {
    this.w.dispose();
    this.b.dispose();
  }
}

/**
 * PyTorch's documented update rules (torch.optim.SGD, Adam, RMSprop pages),
 * in double precision, for a list of parameters with their own state.
 */
function referenceOptimizer(config: OptimizerConfig) {
  const filled: Record<string, unknown> = { ...OPTIMIZER_DEFAULTS[config.name], ...config };
  const option = (key: string) => filled[key] as number;
  const lr = option('learningRate');
  const states: { buf: number; m: number; v: number; gAvg: number }[] = [];
  let t = 0;
  return (params: number[], grads: number[]): number[] => {
    t++;
    return params.map((p, i) => {
      const g = grads[i] as number;
      states[i] ??= { buf: 0, m: 0, v: 0, gAvg: 0 };
      const s = states[i];
      if (config.name === 'sgd') {
        const mu = option('momentum');
        if (mu === 0) return p - lr * g;
        s.buf = t === 1 ? g : mu * s.buf + g;
        const direction = filled.nesterov ? g + mu * s.buf : s.buf;
        return p - lr * direction;
      }
      if (config.name === 'adam') {
        const [beta1, beta2] = [option('beta1'), option('beta2')];
        s.m = beta1 * s.m + (1 - beta1) * g;
        s.v = beta2 * s.v + (1 - beta2) * g * g;
        const mHat = s.m / (1 - beta1 ** t);
        const vHat = s.v / (1 - beta2 ** t);
        return p - (lr * mHat) / (Math.sqrt(vHat) + option('epsilon'));
      }
      const alpha = option('alpha');
      s.v = alpha * s.v + (1 - alpha) * g * g;
      let variance = s.v;
      if (filled.centered) {
        s.gAvg = alpha * s.gAvg + (1 - alpha) * g;
        variance -= s.gAvg * s.gAvg;
      }
      const scaled = g / (Math.sqrt(variance) + option('epsilon'));
      if (option('momentum') > 0) {
        s.buf = option('momentum') * s.buf + scaled;
        return p - lr * s.buf;
      }
      return p - lr * scaled;
    });
  };
}

const x = [1, 2];
const y = [3, 5];
let problem: LinearProblem | undefined;

afterEach(() => {
  problem?.dispose();
  problem = undefined;
});

describe('one SGD step', () => {
  it('equals the update computed by hand', () => {
    problem = new LinearProblem(0.5, 0.1, x, y);
    const optimizer = createOptimizer({ name: 'sgd', learningRate: 0.01 });
    problem.step(optimizer);
    // e = [0.6 - 3, 1.1 - 5] = [-2.4, -3.9]; dw = -2.4 - 7.8 = -10.2; db = -6.3
    // w = 0.5 + 0.01 * 10.2 = 0.602; b = 0.1 + 0.01 * 6.3 = 0.163
    const [w, b] = problem.values();
    expect(Math.abs(w - 0.602)).toBeLessThan(1e-5);
    expect(Math.abs(b - 0.163)).toBeLessThan(1e-5);
    optimizer.dispose();
  });
});

describe.each<OptimizerConfig>([
  { name: 'sgd', learningRate: 0.01 },
  { name: 'sgd', learningRate: 0.01, momentum: 0.9 },
  { name: 'sgd', learningRate: 0.01, momentum: 0.9, nesterov: true },
  { name: 'adam', learningRate: 0.01 },
  { name: 'adam', learningRate: 0.05, beta1: 0.5, beta2: 0.9 },
  { name: 'rmsprop', learningRate: 0.01 },
  { name: 'rmsprop', learningRate: 0.01, momentum: 0.5 },
  { name: 'rmsprop', learningRate: 0.01, centered: true, alpha: 0.9 },
])('%o', (config) => {
  it('follows PyTorch’s update rule for three steps (within 1e-5)', () => {
    problem = new LinearProblem(0.5, 0.1, x, y);
    const optimizer = createOptimizer(config);
    const reference = referenceOptimizer(config);
    let expected = [0.5, 0.1];
    for (let step = 0; step < 3; step++) {
      problem.step(optimizer);
      const [w, b] = expected as [number, number];
      expected = reference(expected, LinearProblem.gradient(w, b, x, y));
      const actual = problem.values();
      expect(Math.abs(actual[0] - (expected[0] as number))).toBeLessThan(1e-5);
      expect(Math.abs(actual[1] - (expected[1] as number))).toBeLessThan(1e-5);
    }
    optimizer.dispose();
  });

  it('frees every tensor it made on dispose()', () => {
    problem = new LinearProblem(0.5, 0.1, x, y);
    const before = countTensors();
    const optimizer = createOptimizer(config);
    problem.step(optimizer);
    problem.step(optimizer);
    optimizer.dispose();
    expect(countTensors()).toBe(before);
  });
});

/**
 * `steps` Adam steps on one parameter from w = 1 with a gradient of 1 at every
 * step (loss = w), by PyTorch's documented rule (torch.optim.Adam) in float64:
 * bias corrections 1 - beta^t from the step count t.
 */
function pytorchAdamReference(learningRate: number, steps: number): number[] {
  const [beta1, beta2, epsilon] = [0.9, 0.999, 1e-8];
  let [w, m, v] = [1, 0, 0];
  const weights: number[] = [];
  for (let t = 1; t <= steps; t++) {
    const g = 1;
    m = beta1 * m + (1 - beta1) * g;
    v = beta2 * v + (1 - beta2) * g * g;
    const mHat = m / (1 - beta1 ** t);
    const vHat = v / (1 - beta2 ** t);
    w -= (learningRate * mHat) / (Math.sqrt(vHat) + epsilon);
    weights.push(w);
  }
  return weights;
}

/** Adam's weights after each of `steps` steps (w = 1, gradient 1, lr 0.1) on one path. */
function adamSteps(path: 'generic' | 'fused', steps: number): number[] {
  const config = { name: 'adam', learningRate: 0.1 } as const;
  const weights: number[] = [];
  if (path === 'fused') {
    const optimizer = createFusedOptimizer(resolveOptimizerConfig(config), 1);
    const parameters = Float32Array.of(1);
    for (let step = 0; step < steps; step++) {
      optimizer.step(parameters, Float32Array.of(1));
      weights.push(parameters[0] as number);
    }
    return weights;
  }
  const w = tf.variable(tf.tensor1d([1]));
  const optimizer = createOptimizer(config);
  for (let step = 0; step < steps; step++) {
    tf.tidy(() => {
      optimizer.minimize(() => tf.sum(w), false, [w]);
    });
    weights.push(w.dataSync()[0] as number);
  }
  optimizer.dispose();
  w.dispose();
  return weights;
}

/**
 * `torch.optim.Adam([w], lr=0.1)` from w = 1 with a gradient of 1, five steps, in float32:
 * PyTorch 1.13 (Debian's python3-torch), `w.sum().backward(); opt.step()`.
 * tfjs's `AdamOptimizer` (a float32 running product of beta^t) gives 0.9000006914 at step 1.
 */
const PYTORCH_ADAM_STEPS = [
  0.9000000357627869, 0.800000011920929, 0.7000000476837158, 0.6000000238418579, 0.5,
];

describe.each(['generic', 'fused'] as const)('Adam on the %s path', (path) => {
  it('takes PyTorch’s first five steps bit for bit (w = 1, gradient 1, lr 0.1)', () => {
    expect(adamSteps(path, 5)).toEqual(PYTORCH_ADAM_STEPS);
  });

  it('follows PyTorch’s rule with bias corrections in double precision (relative 1e-6)', () => {
    const expected = pytorchAdamReference(0.1, 20);
    const actual = adamSteps(path, 20);
    actual.forEach((w, step) => {
      const reference = expected[step] as number;
      // The distance travelled: a drift of the step size by 1e-6 shows here (the float32
      // running product of beta^t is 7e-6 off after one step), also where w crosses 0.
      expect(Math.abs(w - reference) / Math.abs(reference - 1)).toBeLessThan(1e-6);
      if (step < 5) expect(Math.abs(w - reference) / Math.abs(reference)).toBeLessThan(1e-6);
    });
  });
});

describe.each(OPTIMIZERS)('the $name entry of OPTIMIZERS', (definition) => {
  it('accepts its own defaults and fills them in for a config with only the name', () => {
    expect(resolveOptimizerConfig({ name: definition.name } as OptimizerConfig)).toEqual(
      definition.defaults,
    );
    expect(() => definition.validate(definition.defaults as never)).not.toThrow();
  });

  it.each(TRAINING_PATHS)('trains on the $name path without leaking a tensor', async (path) => {
    await expectBriefRun({ name: 'l1' }, definition.name, path);
  });
});

describe('PyTorch defaults where tfjs differs', () => {
  // A gradient of -1e-7 on both parameters: w = b = 0, x = [1], y = [5e-8].
  const tinyGradient = () => new LinearProblem(0, 0, [1], [5e-8]);

  it('Adam uses epsilon 1e-8: first step lr * g / (|g| + 1e-8), not tfjs’s 1e-7', () => {
    problem = tinyGradient();
    const optimizer = createOptimizer({ name: 'adam', learningRate: 0.1 });
    problem.step(optimizer);
    // m_hat = g, v_hat = g^2: step = 0.1 * 1e-7 / (1e-7 + 1e-8) = 0.0909...
    expect(problem.values()[0]).toBeCloseTo(0.1 / 1.1, 5);
    optimizer.dispose();
  });

  it('RMSprop puts epsilon outside the square root, as PyTorch', () => {
    problem = tinyGradient();
    const optimizer = createOptimizer({ name: 'rmsprop', learningRate: 0.01 });
    problem.step(optimizer);
    // v = 0.01 * 1e-14 = 1e-16, sqrt(v) + eps = 2e-8: step = 0.01 * 1e-7 / 2e-8 = 0.05
    // (tfjs's sqrt(v + eps) would give 1e-5).
    expect(problem.values()[0]).toBeCloseTo(0.05, 4);
    optimizer.dispose();
  });

  it('leaves options out as PyTorch does', () => {
    expect(OPTIMIZER_DEFAULTS.sgd.learningRate).toBe(1e-3);
    expect(OPTIMIZER_DEFAULTS.adam).toMatchObject({ beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
    expect(OPTIMIZER_DEFAULTS.rmsprop).toMatchObject({
      learningRate: 1e-2,
      alpha: 0.99,
      epsilon: 1e-8,
    });
    const adam = createOptimizer('adam');
    expect(adam.getConfig()).toMatchObject({ learningRate: 1e-3, epsilon: 1e-8 });
    adam.dispose();
  });
});

describe('bad optimizer options', () => {
  it.each([
    [{ name: 'adamw' }, 'optimizer'],
    ['lbfgs', 'optimizer'],
    [{ name: 'sgd', learningRate: 0 }, 'optimizer.learningRate'],
    [{ name: 'adam', learningRate: -1e-3 }, 'optimizer.learningRate'],
    [{ name: 'rmsprop', learningRate: Number.NaN }, 'optimizer.learningRate'],
    [{ name: 'sgd', momentum: 1.5 }, 'optimizer.momentum'],
    [{ name: 'sgd', nesterov: true }, 'optimizer.momentum'],
    [{ name: 'adam', beta2: 1 }, 'optimizer.beta2'],
    [{ name: 'rmsprop', epsilon: -1 }, 'optimizer.epsilon'],
  ])('%o names %s', async (config, parameter) => {
    await expectInvalid(() => createOptimizer(config as OptimizerConfig), parameter);
  });
});
