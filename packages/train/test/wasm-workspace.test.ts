import { readFile } from 'node:fs/promises';
import { ACTIVATIONS, type ActivationFunction, activationFunction } from '@epochlab/models';
import { SeededRandom } from '@epochlab/tensor';
import { describe, expect, it } from 'vitest';
import { compileWat, fmaVariant, sharedMemoryVariant } from '../scripts/compile-wat.mjs';
import { createMlpWorkspace } from '../src/fused/create-mlp-workspace.js';
import { FusedMlpKernel } from '../src/fused/fused-mlp-kernel.js';
import {
  MLP_PASSES_SHARED_FMA_WASM_BASE64,
  MLP_PASSES_SHARED_WASM_BASE64,
} from '../src/fused/wasm/mlp-passes-shared-wasm.js';
import {
  MLP_PASSES_FMA_WASM_BASE64,
  MLP_PASSES_WASM_BASE64,
} from '../src/fused/wasm/mlp-passes-wasm.js';
import { mlpPassesModule } from '../src/fused/wasm-workspace.js';
import { createFusedLoss } from '../src/losses/create-loss.js';
import type { FusedLoss } from '../src/losses/loss-definition.js';
import { createFusedOptimizer } from '../src/optimizers/create-optimizer.js';
import { resolveOptimizerConfig } from '../src/optimizers/resolve-optimizer-config.js';

const relu = activationFunction('relu') as ActivationFunction;

/** Whether `a` and `b` hold the same float32 values, NaN and the sign of zero included. */
function sameBits(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) return false;
  return true;
}

/** Values over many magnitudes, with some exact zeros and negative zeros. */
function draw(random: SeededRandom, scale: number): number {
  const pick = random.uniform();
  if (pick < 0.02) return 0;
  if (pick < 0.04) return -0;
  return random.uniform(-1, 1) * scale * Math.exp(random.uniform(-3, 3));
}

/** The same network in a WebAssembly and a JavaScript workspace, same parameters. */
function kernelPair(widths: number[], activation: ActivationFunction, random: SeededRandom) {
  const wasm = new FusedMlpKernel(widths, activation);
  const javascript = new FusedMlpKernel(widths, activation, 'javascript');
  for (let k = 0; k < wasm.parameters.length; k++) wasm.parameters[k] = draw(random, 0.7);
  javascript.parameters.set(wasm.parameters);
  return { wasm, javascript };
}

function batch(random: SeededRandom, rows: number, inputSize: number, outputSize: number) {
  return {
    inputs: Float32Array.from({ length: rows * inputSize }, () => draw(random, 2)),
    targets: Float32Array.from({ length: rows * outputSize }, () => draw(random, 1)),
  };
}

const LOSSES: FusedLoss[] = [
  createFusedLoss({ name: 'l1' }),
  createFusedLoss({ name: 'mse' }),
  createFusedLoss({ name: 'huber', delta: 0.5 }),
];

describe('the WebAssembly passes (wasm/mlp-passes.wat)', () => {
  it('are the bytes mlp-passes.wat compiles to, and its FMA variant', async () => {
    const watUrl = new URL('../src/fused/wasm/mlp-passes.wat', import.meta.url);
    const wat = await readFile(watUrl, 'utf8');
    const compiled = await compileWat(wat);
    expect(Buffer.from(compiled).toString('base64')).toBe(MLP_PASSES_WASM_BASE64);
    const fma = fmaVariant(wat);
    expect(Buffer.from(await compileWat(fma)).toString('base64')).toBe(MLP_PASSES_FMA_WASM_BASE64);
    // The variant differs only in the marked multiply-adds: nine f32x4.relaxed_madd
    // (the 4 x 8 micro-kernel's eight, $matrixVector's one), no other code.
    const code = (text: string) => text.replace(/;;[^\n]*/g, '');
    expect(code(fma).match(/f32x4\.relaxed_madd/g)).toHaveLength(9);
    expect(code(wat)).not.toContain('relaxed_madd');
    const plainLines = wat.split('\n').filter((line) => !line.includes(';; madd'));
    const fmaLines = fma.split('\n').filter((line) => !code(line).includes('relaxed_madd'));
    // $matrixVector's multiply-add spans three lines, two of them unmarked.
    expect(plainLines.length - fmaLines.length).toBe(2);
  });

  it('has shared-memory variants that differ only in the memory they import', async () => {
    const wat = await readFile(
      new URL('../src/fused/wasm/mlp-passes.wat', import.meta.url),
      'utf8',
    );
    const shared = sharedMemoryVariant(wat);
    expect(Buffer.from(await compileWat(shared)).toString('base64')).toBe(
      MLP_PASSES_SHARED_WASM_BASE64,
    );
    const sharedFma = sharedMemoryVariant(fmaVariant(wat));
    expect(Buffer.from(await compileWat(sharedFma)).toString('base64')).toBe(
      MLP_PASSES_SHARED_FMA_WASM_BASE64,
    );
    const changed = shared.split('\n').filter((line, index) => line !== wat.split('\n')[index]);
    expect(changed).toEqual([
      '  (memory (export "memory") (import "env" "memory") 1 65536 shared)',
    ]);
    expect(() => sharedMemoryVariant('(module)')).toThrow(/define its memory once/);
    // The module asks for a shared memory: an unshared one does not instantiate it.
    const module = new WebAssembly.Module(Buffer.from(MLP_PASSES_SHARED_WASM_BASE64, 'base64'));
    const imports = {
      math: { tanh: Math.tanh, exp: Math.exp },
      threads: { barrier: () => {} },
    };
    expect(
      () =>
        new WebAssembly.Instance(module, {
          ...imports,
          env: { memory: new WebAssembly.Memory({ initial: 1 }) },
        }),
    ).toThrow();
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536, shared: true });
    expect(new WebAssembly.Instance(module, { ...imports, env: { memory } }).exports.memory).toBe(
      memory,
    );
  });

  it('the FMA variant refuses a marked line that is not a multiply then add', () => {
    expect(() => fmaVariant('(f32x4.add (local.get $a) (local.get $b)) ;; madd')).toThrow();
    expect(() => fmaVariant('(f32x4.mul (local.get $a) (local.get $b)) ;; madd')).toThrow();
    expect(() => fmaVariant('(module)')).toThrow();
    expect(
      fmaVariant('(f32x4.add (local.get $c) (f32x4.mul (local.get $a) (local.get $b))) ;; madd'),
    ).toBe('(f32x4.relaxed_madd (local.get $a) (local.get $b) (local.get $c)) ;; madd');
  });

  it('run here (Node has WebAssembly SIMD); `javascript` never uses them', () => {
    expect(mlpPassesModule()).not.toBeNull();
    expect(new FusedMlpKernel([1, 3, 1], relu).workspace.kind).toBe('wasm-simd');
    expect(new FusedMlpKernel([1, 3, 1], relu, 'javascript').workspace.kind).toBe('javascript');
  });

  it('fall back to JavaScript when there is no module or it does not instantiate', () => {
    const shape = {
      layout: [{ fanIn: 1, fanOut: 2, kernelOffset: 0, biasOffset: 2 }],
      activation: relu,
      inputSize: 1,
      outputSize: 2,
      parameterCount: 4,
    };
    expect(createMlpWorkspace(shape, null).kind).toBe('javascript');
    // A module that imports a function nobody provides: instantiating it throws.
    const unlinkable = new WebAssembly.Module(
      Uint8Array.from([
        0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 2, 7, 1, 1, 120, 1, 121, 0, 0,
      ]),
    );
    expect(() => new WebAssembly.Instance(unlinkable, {})).toThrow();
    expect(createMlpWorkspace(shape, unlinkable).kind).toBe('javascript');
    expect(createMlpWorkspace(shape, mlpPassesModule()).kind).toBe('wasm-simd');
  });

  it('leave an activation they do not mirror to the JavaScript passes, which run its entry', () => {
    // softsign, x / (1 + |x|): an activation a contributor might add to the registry.
    const softsign: ActivationFunction = {
      name: 'softsign',
      tfjs: { after: (x) => x },
      layersActivation: 'softsign',
      forward(pre, out, length) {
        for (let k = 0; k < length; k++) {
          const x = pre[k] as number;
          out[k] = x / (1 + Math.abs(x));
        }
      },
      backward() {},
    };
    const kernel = new FusedMlpKernel([1, 2, 1], softsign);
    expect(kernel.workspace.kind).toBe('javascript');
    kernel.parameters.set([1, 3, 0, 0, 1, 1, 0]); // kernel 0, bias 0, kernel 1, bias 1
    // Hidden pre-activations 2 and 6 give 2/3 and 6/7; the output sums them.
    expect(kernel.forward(Float32Array.of(2), 1)[0]).toBeCloseTo(2 / 3 + 6 / 7, 6);
  });

  it.each(Array.from({ length: 200 }, (_, seed) => seed))(
    'random network %i: the same outputs, loss and gradients as the JavaScript passes',
    (seed) => {
      const random = new SeededRandom(seed);
      // Widths 1-10 cover SIMD groups of four and every remainder; depth 1-4.
      const widths = Array.from({ length: random.integer(2, 6) }, () => random.integer(1, 11));
      const activation = ACTIVATIONS[seed % ACTIVATIONS.length] as ActivationFunction;
      const { wasm, javascript } = kernelPair(widths, activation, random);
      const rows = random.integer(1, 9);
      const { inputs, targets } = batch(random, rows, wasm.inputSize, wasm.outputSize);
      const loss = LOSSES[seed % LOSSES.length] as FusedLoss;
      expect(sameBits(wasm.forward(inputs, rows), javascript.forward(inputs, rows))).toBe(true);
      const wasmLoss = wasm.lossAndGradients(inputs, targets, rows, loss);
      const javascriptLoss = javascript.lossAndGradients(inputs, targets, rows, loss);
      expect(Object.is(wasmLoss, javascriptLoss)).toBe(true);
      expect(sameBits(wasm.gradients, javascript.gradients)).toBe(true);
    },
  );

  it('carry NaN and infinities as the JavaScript passes do', () => {
    for (const activation of ACTIVATIONS) {
      const { wasm, javascript } = kernelPair([2, 4, 2], activation, new SeededRandom(3));
      for (const kernel of [wasm, javascript]) {
        kernel.parameters[1] = Number.NaN;
        kernel.parameters[4] = Number.POSITIVE_INFINITY;
      }
      const inputs = Float32Array.from([1, -1, 0, 2, -0, Number.NEGATIVE_INFINITY]);
      const targets = Float32Array.from([0, 1, 0, 1, 0, 1]);
      const outputs = wasm.forward(inputs, 3);
      expect(outputs.some(Number.isNaN)).toBe(true);
      expect(sameBits(outputs, javascript.forward(inputs, 3))).toBe(true);
      const loss = LOSSES[1] as FusedLoss;
      wasm.lossAndGradients(inputs, targets, 3, loss);
      javascript.lossAndGradients(inputs, targets, 3, loss);
      expect(sameBits(wasm.gradients, javascript.gradients)).toBe(true);
    }
  });

  it.each(ACTIVATIONS)(
    '$name: the same parameters after 40 adam steps, batches growing and shrinking',
    (activation) => {
      const random = new SeededRandom(7);
      const { wasm, javascript } = kernelPair([3, 9, 6, 2], activation, random);
      const config = resolveOptimizerConfig({ name: 'adam', learningRate: 0.01 });
      const wasmOptimizer = createFusedOptimizer(config, wasm.parameters.length);
      const javascriptOptimizer = createFusedOptimizer(config, javascript.parameters.length);
      const loss = LOSSES[1] as FusedLoss;
      for (let step = 0; step < 40; step++) {
        // 1 to 40 rows: the buffers (and the WebAssembly memory) grow on the way.
        const rows = [1, 5, 40, 3][step % 4] as number;
        const { inputs, targets } = batch(random, rows, 3, 2);
        const a = wasm.trainStep(inputs, targets, rows, loss, wasmOptimizer);
        const b = javascript.trainStep(inputs, targets, rows, loss, javascriptOptimizer);
        expect(Object.is(a, b)).toBe(true);
      }
      expect(sameBits(wasm.parameters, javascript.parameters)).toBe(true);
      expect(wasm.parameters.some((value) => value !== 0)).toBe(true);
    },
  );
});
