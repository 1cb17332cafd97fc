import v8 from 'node:v8';
import { DataLoader, sampleLine, TensorDataset } from '@epochlab/data';
import { createMlp } from '@epochlab/models';
import { initBackend, SeededRandom, tf } from '@epochlab/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileWat } from '../scripts/compile-wat.mjs';
import { createMlpWorkspace } from '../src/fused/create-mlp-workspace.js';
import { FusedMlpKernel } from '../src/fused/fused-mlp-kernel.js';
import { hasRelaxedMadd } from '../src/fused/relaxed-simd.js';
import { fmaPassesModule, mlpPassesModule } from '../src/fused/wasm-workspace.js';
import { type FusedPrecisionOption, trainMany, trainModel } from '../src/index.js';
import { createFusedLoss } from '../src/losses/create-loss.js';
import { expectInvalid } from './helpers/expect-invalid.js';
import {
  describeFloat32Products,
  fill,
  float32Kernel,
  linear,
  shapes,
} from './helpers/float32-products.js';

// Node 20 validates relaxed SIMD only with this V8 flag. The imports above
// compile no WebAssembly (the modules compile at the first workspace), so
// setting it here, before any test runs, is early enough. Where relaxed SIMD
// is on already the probe validates and nothing is set.
if (!hasRelaxedMadd()) v8.setFlagsFromString('--experimental-wasm-relaxed-simd');

beforeAll(async () => {
  await initBackend('cpu');
});

/**
 * The FMA variant of the float32 products (`f32x4.relaxed_madd`, see
 * scripts/compile-wat.mjs): the float64 bound and determinism shared with the
 * plain products (helpers/float32-products.ts), then against a JavaScript
 * model of their order, whose multiply-add is fused or not as this machine's
 * `f32x4.relaxed_madd` is.
 */
const bits = new Float32Array(1);
const bitsInt = new Int32Array(bits.buffer);

/** The float32 next to `value` (a finite nonzero float32) towards `target`. */
function nextFloat32(value: number, target: number): number {
  bits[0] = value;
  bitsInt[0] = (bitsInt[0] as number) + (target > value === value > 0 ? 1 : -1);
  return bits[0] as number;
}

/**
 * float32(a b + c) rounded once, for float32 `a`, `b`, `c` (C's fmaf): the
 * product is exact in a double; the double sum and its error (TwoSum) tell
 * which float32 the exact sum rounds to.
 */
function fusedMultiplyAdd(a: number, b: number, c: number): number {
  const product = a * b;
  const sum = product + c;
  const virtual = sum - product;
  const error = product - (sum - virtual) + (c - virtual);
  const rounded = Math.fround(sum);
  if (error === 0 || rounded === sum) return rounded;
  const other = nextFloat32(rounded, sum);
  // The double sum is a float32 midpoint: the error decides the side.
  if (sum - rounded !== other - sum) return rounded;
  return error > 0 === other > rounded ? other : rounded;
}

/** float32(float32(a b) + c): the plain module's multiply then add. */
function multiplyThenAdd(a: number, b: number, c: number): number {
  return Math.fround(c + Math.fround(a * b));
}

/**
 * Whether this machine's `f32x4.relaxed_madd` fuses: (1 + 2^-12)^2 - (1 + 2^-11)
 * is 2^-24 rounded once, 0 when the product is rounded first.
 */
async function relaxedMaddFuses(): Promise<boolean> {
  const bytes = await compileWat(`(module (func (export "madd") (param f32 f32 f32) (result f32)
    (f32x4.extract_lane 0 (f32x4.relaxed_madd (f32x4.splat (local.get 0))
      (f32x4.splat (local.get 1)) (f32x4.splat (local.get 2))))))`);
  const instance = new WebAssembly.Instance(
    new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>),
  );
  const madd = instance.exports.madd as (a: number, b: number, c: number) => number;
  const a = 1 + 2 ** -12;
  return madd(a, a, -(1 + 2 ** -11)) === 2 ** -24;
}

/**
 * X.W + b as the float32 products order it: per element, k in blocks of 256,
 * each block summed from zero with `madd`, the first block added to the bias,
 * the next ones to the running result.
 */
function modelForward(
  x: Float32Array,
  parameters: Float32Array,
  rows: number,
  k: number,
  n: number,
  madd: (a: number, b: number, c: number) => number,
): Float32Array {
  const out = new Float32Array(rows * n);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < n; j++) {
      let c = parameters[k * n + j] as number;
      for (let k0 = 0; k0 < k; k0 += 256) {
        let block = 0;
        for (let i = k0; i < Math.min(k, k0 + 256); i++) {
          block = madd(x[r * k + i] as number, parameters[i * n + j] as number, block);
        }
        c = Math.fround(c + block);
      }
      out[r * n + j] = c;
    }
  }
  return out;
}

describe('relaxed SIMD detection', () => {
  it('validates here once the flag is set, and the float32 kernel runs the FMA module', () => {
    expect(hasRelaxedMadd()).toBe(true);
    expect(fmaPassesModule()).not.toBeNull();
    expect(new FusedMlpKernel([2, 8, 1], linear, 'auto', 'float32').workspace.fma).toBe(true);
  });

  it('is false where validate refuses the probe or throws, and then no FMA module is used', () => {
    expect(hasRelaxedMadd(() => false)).toBe(false);
    expect(
      hasRelaxedMadd(() => {
        throw new Error('no WebAssembly here');
      }),
    ).toBe(false);
    // A validator that knows SIMD but not relaxed SIMD: the real one without
    // the flag would answer the same for the probe.
    const withoutRelaxed = (bytes: Uint8Array<ArrayBuffer>) =>
      !bytes.some((byte, index) => byte === 0xfd && bytes[index + 1] === 0x85) &&
      WebAssembly.validate(bytes);
    expect(hasRelaxedMadd(withoutRelaxed)).toBe(false);
    expect(fmaPassesModule(false)).toBeNull();
    const shape = {
      layout: [{ fanIn: 3, fanOut: 2, kernelOffset: 0, biasOffset: 6 }],
      activation: linear,
      inputSize: 3,
      outputSize: 2,
      parameterCount: 8,
    };
    const plain = createMlpWorkspace(shape, mlpPassesModule(), 'float32', fmaPassesModule(false));
    expect(plain.kind).toBe('wasm-simd');
    expect(plain.fma).toBe(false);
    // An FMA module that does not instantiate: the plain module runs.
    const unlinkable = new WebAssembly.Module(
      Uint8Array.from([
        0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 2, 7, 1, 1, 120, 1, 121, 0, 0,
      ]),
    );
    expect(createMlpWorkspace(shape, mlpPassesModule(), 'float32', unlinkable).fma).toBe(false);
    // exact never runs the FMA module.
    const exact = createMlpWorkspace(shape, mlpPassesModule(), 'exact', fmaPassesModule());
    expect(exact.precision).toBe('exact');
    expect(exact.fma).toBe(false);
    expect(new FusedMlpKernel([2, 8, 1], linear, 'auto', 'exact').workspace.fma).toBe(false);
  });
});

describeFloat32Products('FMA float32 products', true, {
  shapes: [31, 32, 33],
  values: [5, 6, 7],
  determinism: [17, 18],
});

describe('the FMA products against a model of their order', () => {
  it.each(shapes(12, 34))(
    'X.W + b, rows %i, k %i, n %i: fused where relaxed_madd fuses; fusedFma false: multiply then add',
    async (rows, k, n) => {
      const fuses = await relaxedMaddFuses();
      const random = new SeededRandom(rows * 1000 + k * 10 + n + 8);
      const fma = float32Kernel([k, n], random, true);
      const plain = new FusedMlpKernel([k, n], linear, 'auto', 'float32', false);
      expect(plain.workspace.fma).toBe(false);
      plain.parameters.set(fma.parameters);
      const x = new Float32Array(rows * k);
      fill(x, random);
      const { parameters } = fma;
      const fused = modelForward(
        x,
        parameters,
        rows,
        k,
        n,
        fuses ? fusedMultiplyAdd : multiplyThenAdd,
      );
      const unfused = modelForward(x, parameters, rows, k, n, multiplyThenAdd);
      expect(Array.from(fma.forward(x, rows))).toEqual(Array.from(fused));
      expect(Array.from(plain.forward(x, rows))).toEqual(Array.from(unfused));
    },
  );
});

describe('FMA float32 products are deterministic', () => {
  it('row blocks give the bits of one pass over the batch', () => {
    const random = new SeededRandom(19);
    const widths = [3, 40, 17, 2];
    const blocked = float32Kernel(widths, random, true);
    const whole = new FusedMlpKernel(widths, linear, 'auto', 'float32');
    whole.parameters.set(blocked.parameters);
    const rows = 700;
    const x = new Float32Array(rows * 3);
    const y = new Float32Array(rows * 2);
    fill(x, random);
    fill(y, random);
    const loss = createFusedLoss({ name: 'mse' });
    expect(blocked.workspace.rowBlock).toBeLessThan(rows);
    const value = blocked.lossAndGradients(x, y, rows, loss);
    const { workspace } = whole;
    workspace.reserve(rows);
    workspace.parameters.set(whole.parameters);
    workspace.inputs.set(x);
    workspace.forward(rows);
    const wholeValue = loss.lossAndGradient(workspace.outputs, y, rows * 2, workspace.outputDeltas);
    workspace.backward(rows);
    expect(value).toBe(wholeValue);
    expect(Array.from(blocked.gradients)).toEqual(Array.from(workspace.gradients));
  });

  it('stays within float32 rounding of the plain float32 products', () => {
    const random = new SeededRandom(20);
    const widths = [1, 256, 256, 1];
    const fma = float32Kernel(widths, random, true);
    const plain = new FusedMlpKernel(widths, linear, 'auto', 'float32', false);
    plain.parameters.set(fma.parameters);
    const x = new Float32Array(32);
    fill(x, random);
    const a = fma.forward(x, 32).slice();
    const b = plain.forward(x, 32).slice();
    let largest = 0;
    for (let k = 0; k < a.length; k++) {
      largest = Math.max(largest, Math.abs((a[k] as number) - (b[k] as number)));
    }
    expect(largest).toBeLessThan(1e-3);
  });
});

/** Trains a [64, 64] LeakyReLU MLP (fixed init) on 96 points of a line for 2 epochs. */
async function train(options: { fusedPrecision: FusedPrecisionOption; fusedFma?: boolean }) {
  const [x, y] = sampleLine({
    slope: 1,
    intercept: 0,
    n: 96,
    sigma: 0.2,
    range: 1,
    random: new SeededRandom(5).stream('data'),
  }).toTensors();
  const model = createMlp(
    { inputSize: 1, hiddenSizes: [64, 64], outputSize: 1, activation: 'leakyRelu' },
    new SeededRandom(6).stream('init'),
  );
  try {
    const result = await trainModel({
      model,
      train: new DataLoader(new TensorDataset(x, y), { batchSize: 16, shuffle: true, seed: 3 }),
      epochs: 2,
      loss: 'l1',
      optimizer: { name: 'sgd', learningRate: 0.05 },
      ...options,
    });
    return { result, weights: model.getWeights() };
  } finally {
    model.dispose();
    tf.dispose([x, y]);
  }
}

describe('the fusedFma option', () => {
  it('float32 runs on fused-wasm-simd-f32-fma by default, bit-identical run to run', async () => {
    const first = await train({ fusedPrecision: 'float32' });
    const second = await train({ fusedPrecision: 'float32', fusedFma: true });
    expect(first.result.trainingPath).toBe('fused-wasm-simd-f32-fma');
    expect(second.result.history).toEqual(first.result.history);
    expect(second.weights).toEqual(first.weights);
  });

  it('false runs the plain float32 products, fused-wasm-simd-f32', async () => {
    const plain = await train({ fusedPrecision: 'float32', fusedFma: false });
    const fma = await train({ fusedPrecision: 'float32' });
    expect(plain.result.trainingPath).toBe('fused-wasm-simd-f32');
    if (await relaxedMaddFuses()) expect(plain.weights).not.toEqual(fma.weights);
  });

  it('leaves exact untouched: fused-wasm-simd, the same bits with or without it', async () => {
    const withFma = await train({ fusedPrecision: 'exact' });
    const without = await train({ fusedPrecision: 'exact', fusedFma: false });
    expect(withFma.result.trainingPath).toBe('fused-wasm-simd');
    expect(without.result.history).toEqual(withFma.result.history);
    expect(without.weights).toEqual(withFma.weights);
  });

  it('reaches trainMany, and anything but a boolean is refused, naming it', async () => {
    const model = createMlp(
      { inputSize: 1, hiddenSizes: [64], outputSize: 1, activation: 'leakyRelu' },
      new SeededRandom(1).stream('init'),
    );
    const x = tf.zeros([4, 1]);
    try {
      const train = new DataLoader(new TensorDataset(x, x), { batchSize: 2 });
      const shared = { epochs: 1, loss: 'l1', optimizer: 'sgd' } as const;
      const plain = await trainMany([{ model, train }], { ...shared, fusedFma: false });
      expect(plain.trainingPath).toBe('fused-wasm-simd-f32');
      const fma = await trainMany([{ model, train }], shared);
      expect(fma.trainingPath).toBe('fused-wasm-simd-f32-fma');
      const error = await expectInvalid(
        () => trainModel({ model, train, ...shared, fusedFma: 'yes' as unknown as boolean }),
        'fusedFma',
      );
      expect(error.message).toContain('true or false');
    } finally {
      model.dispose();
      x.dispose();
    }
  });
});
