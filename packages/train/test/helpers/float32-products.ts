import { ACTIVATIONS, type ActivationFunction } from '@epochlab/models';
import { SeededRandom } from '@epochlab/tensor';
import { describe, expect, it } from 'vitest';
import { FusedMlpKernel } from '../../src/fused/fused-mlp-kernel.js';

/**
 * The float32 products of `wasm/mlp-passes.wat` (the plain module, or its FMA
 * variant) against float64 sums of the same float32 inputs, shared by
 * float32-products.test.ts and float32-fma.test.ts. The bound is the classic
 * one for a float32 dot product of length k summed in any order:
 * |computed - exact| <= (k + 1) u sum |terms|, u = 2^-24 (one rounding per
 * product, at most k per running sum, one for the start value; a fused
 * multiply-add rounds once, so it holds for both modules); the products meet
 * it on every shape, including sizes that are not multiples of the 4 x 8 tile
 * and inner dimensions past the 256 block.
 */
const UNIT_ROUNDOFF = 2 ** -24;

export const linear = ACTIVATIONS.find(({ name }) => name === 'linear') as ActivationFunction;

/** Sizes that are and are not multiples of the tile (4 rows, 8 columns) and the k block (256). */
const SIZES = [1, 3, 5, 8, 13, 17, 33, 100, 300];

/** Random shapes from a fixed seed: `count` of [rows, k, n] with rows 1..70. */
export function shapes(count: number, seed: number): [number, number, number][] {
  const random = new SeededRandom(seed);
  const pick = () => SIZES[Math.floor(random.uniform(0, SIZES.length))] as number;
  return Array.from({ length: count }, () => [
    1 + Math.floor(random.uniform(0, 70)),
    pick(),
    pick(),
  ]);
}

export function fill(values: Float32Array, random: SeededRandom): void {
  for (let k = 0; k < values.length; k++) values[k] = random.uniform(-1, 1);
}

/** A float32 kernel with random parameters, on the FMA module or (`fma` false) the plain one. */
export function float32Kernel(
  widths: number[],
  random: SeededRandom,
  fma: boolean,
): FusedMlpKernel {
  const kernel = new FusedMlpKernel(widths, linear, 'auto', 'float32', fma);
  expect(kernel.workspace.precision).toBe('float32');
  expect(kernel.workspace.fma).toBe(fma);
  fill(kernel.parameters, random);
  return kernel;
}

/** Counts the entries of `actual` outside `(k + 1) u sum|terms|` of the float64 `exact`. */
function outsideBound(
  actual: ArrayLike<number>,
  exact: readonly number[],
  magnitude: readonly number[],
  k: number,
): number {
  let outside = 0;
  for (let index = 0; index < exact.length; index++) {
    const bound = (k + 1) * UNIT_ROUNDOFF * (magnitude[index] as number);
    if (!(Math.abs((actual[index] as number) - (exact[index] as number)) <= bound)) outside++;
  }
  return outside;
}

/** The seeds of one file's cases, so that each file keeps its own shapes and values. */
export interface ProductCaseSeeds {
  /** The shapes' seeds of X.W + b, X^T.delta and delta.W^T. */
  readonly shapes: readonly [number, number, number];
  /** Added to each case's value seed, in the same order. */
  readonly values: readonly [number, number, number];
  /** The seeds of the two determinism cases. */
  readonly determinism: readonly [number, number];
}

/**
 * The products against a float64 reference (24 random shapes for each of
 * X.W + b, X^T.delta and delta.W^T) and their determinism (a row alone gives
 * its bits in a batch, gradients repeat run to run), on the module `fma` names.
 */
export function describeFloat32Products(
  title: string,
  fma: boolean,
  seeds: ProductCaseSeeds,
): void {
  describe(`${title} against a float64 reference`, () => {
    it.each(shapes(24, seeds.shapes[0]))('X.W + b, rows %i, k %i, n %i', (rows, k, n) => {
      const random = new SeededRandom(rows * 1000 + k * 10 + n + seeds.values[0]);
      const kernel = float32Kernel([k, n], random, fma);
      const x = new Float32Array(rows * k);
      fill(x, random);
      const output = kernel.forward(x, rows);
      const { parameters } = kernel;
      const exact: number[] = [];
      const magnitude: number[] = [];
      for (let r = 0; r < rows; r++) {
        for (let j = 0; j < n; j++) {
          let sum = parameters[k * n + j] as number;
          let size = Math.abs(sum);
          for (let i = 0; i < k; i++) {
            const term = (x[r * k + i] as number) * (parameters[i * n + j] as number);
            sum += term;
            size += Math.abs(term);
          }
          exact.push(sum);
          magnitude.push(size);
        }
      }
      expect(outsideBound(output, exact, magnitude, k)).toBe(0);
    });

    it.each(shapes(24, seeds.shapes[1]))('X^T.delta, rows %i, k %i, n %i', (rows, k, n) => {
      const random = new SeededRandom(rows * 1000 + k * 10 + n + seeds.values[1]);
      const kernel = float32Kernel([k, n], random, fma);
      const x = new Float32Array(rows * k);
      fill(x, random);
      kernel.forward(x, rows);
      const { workspace } = kernel;
      const delta = workspace.outputDeltas.subarray(0, rows * n);
      fill(delta, random);
      workspace.backward(rows);
      const exact: number[] = [];
      const magnitude: number[] = [];
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < n; j++) {
          let sum = 0;
          let size = 0;
          for (let r = 0; r < rows; r++) {
            const term = (x[r * k + i] as number) * (delta[r * n + j] as number);
            sum += term;
            size += Math.abs(term);
          }
          exact.push(sum);
          magnitude.push(size);
        }
      }
      expect(outsideBound(workspace.gradients.subarray(0, k * n), exact, magnitude, rows)).toBe(0);
    });

    // delta . W^T shows in the layer below's bias gradient: with a linear
    // activation it is the column sum of delta . W^T, summed exactly (double
    // precision) from the float32 product, so the product's bound over n,
    // summed over the rows, plus one rounding per row, holds.
    it.each(shapes(24, seeds.shapes[2]))('delta.W^T, rows %i, k %i, n %i', (rows, k, n) => {
      const random = new SeededRandom(rows * 1000 + k * 10 + n + seeds.values[2]);
      const hidden = k;
      const kernel = float32Kernel([2, hidden, n], random, fma);
      const x = new Float32Array(rows * 2);
      fill(x, random);
      kernel.forward(x, rows);
      const { workspace, parameters } = kernel;
      const delta = workspace.outputDeltas.subarray(0, rows * n);
      fill(delta, random);
      workspace.backward(rows);
      const kernelOffset = 2 * hidden + hidden;
      const biasGradientOffset = 2 * hidden;
      const exact: number[] = [];
      const magnitude: number[] = [];
      for (let h = 0; h < hidden; h++) {
        let sum = 0;
        let size = 0;
        for (let r = 0; r < rows; r++) {
          for (let j = 0; j < n; j++) {
            const term =
              (delta[r * n + j] as number) * (parameters[kernelOffset + h * n + j] as number);
            sum += term;
            size += Math.abs(term);
          }
        }
        exact.push(sum);
        magnitude.push(size);
      }
      const biasGradient = workspace.gradients.subarray(
        biasGradientOffset,
        biasGradientOffset + hidden,
      );
      expect(outsideBound(biasGradient, exact, magnitude, n + rows)).toBe(0);
    });
  });

  describe(`${title} are deterministic`, () => {
    it('a row gives the same bits alone, in any batch and on every run', () => {
      const random = new SeededRandom(seeds.determinism[0]);
      const kernel = float32Kernel([3, 300, 70, 2], random, fma);
      const rows = 67;
      const x = new Float32Array(rows * 3);
      fill(x, random);
      const batch = kernel.forward(x, rows).slice();
      expect(kernel.forward(x, rows)).toEqual(batch);
      for (const row of [0, 5, 66]) {
        const alone = kernel.forward(x.subarray(row * 3, row * 3 + 3), 1);
        expect(Array.from(alone)).toEqual(Array.from(batch.subarray(row * 2, row * 2 + 2)));
      }
    });

    it('the gradients are the same bits run to run, in a fresh workspace too', () => {
      const gradientsOf = () => {
        const random = new SeededRandom(seeds.determinism[1]);
        const kernel = float32Kernel([1, 100, 33, 1], random, fma);
        const x = new Float32Array(45);
        fill(x, random);
        kernel.forward(x, 45);
        fill(kernel.workspace.outputDeltas.subarray(0, 45), random);
        kernel.workspace.backward(45);
        return Array.from(kernel.workspace.gradients);
      };
      expect(gradientsOf()).toEqual(gradientsOf());
    });
  });
}
