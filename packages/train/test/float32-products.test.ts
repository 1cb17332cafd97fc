import { SeededRandom } from '@epochlab/tensor';
import { describe, expect, it } from 'vitest';
import { FusedMlpKernel } from '../src/fused/fused-mlp-kernel.js';
import {
  describeFloat32Products,
  fill,
  float32Kernel,
  linear,
} from './helpers/float32-products.js';

// The plain module's float32 products (multiply then add; this process sets no
// relaxed SIMD flag): the float64 bound on random shapes and determinism
// (helpers/float32-products.ts), then against the exact products.
describeFloat32Products('float32 products', false, {
  shapes: [21, 22, 23],
  values: [0, 1, 2],
  determinism: [7, 8],
});

describe('float32 products are deterministic', () => {
  it('differs from the exact products only by float32 rounding, and does differ', () => {
    const random = new SeededRandom(9);
    const widths = [1, 256, 256, 1];
    const float32 = float32Kernel(widths, random, false);
    const exact = new FusedMlpKernel(widths, linear, 'auto', 'exact');
    exact.parameters.set(float32.parameters);
    const x = new Float32Array(32);
    fill(x, random);
    const a = float32.forward(x, 32).slice();
    const b = exact.forward(x, 32).slice();
    let largest = 0;
    let differing = 0;
    for (let k = 0; k < a.length; k++) {
      largest = Math.max(largest, Math.abs((a[k] as number) - (b[k] as number)));
      if (a[k] !== b[k]) differing++;
    }
    expect(differing).toBeGreaterThan(0);
    expect(largest).toBeLessThan(1e-3);
  });
});
