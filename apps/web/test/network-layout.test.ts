import { describe, expect, it } from 'vitest';
import {
  kernelValues,
  MAX_DRAWN_WEIGHTS,
  NEGATIVE_COLOR,
  networkLayout,
  POSITIVE_COLOR,
  weightStyle,
} from '../src/ui/network-layout.js';

describe('networkLayout', () => {
  it("draws the notebook's 1-12-12-16-1 MLP unit by unit, one line per weight", () => {
    const layout = networkLayout([1, 12, 12, 16, 1]);
    expect(layout.units).toHaveLength(1 + 12 + 12 + 16 + 1);
    // 12 + 144 + 192 + 16 weights and 12 + 12 + 16 + 1 biases: the notebook's 405 parameters.
    expect(layout.weightCount).toBe(364);
    expect(layout.biasCount).toBe(41);
    expect(layout.lines).toHaveLength(364);
    // Kernel order: the second line of the second layer goes from unit 0 to unit 1.
    const second = layout.lines?.[12 + 1];
    expect([second?.layer, second?.from, second?.to]).toEqual([1, 0, 1]);
    expect(second?.x1).toBeLessThan(second?.x2 ?? 0);
  });

  it('draws no lines beyond the limit, and at most 32 units of a wide layer', () => {
    const layout = networkLayout([1, 256, 256, 1]);
    expect(layout.weightCount).toBe(256 + 256 * 256 + 256);
    expect(layout.weightCount).toBeGreaterThan(MAX_DRAWN_WEIGHTS);
    expect(layout.lines).toBeUndefined();
    expect(layout.units.filter((u) => u.layer === 1)).toHaveLength(32);
  });
});

describe('weightStyle', () => {
  it('colours by sign and sizes by share of the largest weight', () => {
    expect(weightStyle(0.5, 1)).toEqual({ color: POSITIVE_COLOR, width: 1.9, opacity: 0.575 });
    expect(weightStyle(-1, 1)).toEqual({ color: NEGATIVE_COLOR, width: 3.4, opacity: 1 });
    expect(weightStyle(0, 0).width).toBe(0.4);
    expect(weightStyle(Number.NaN, 1).opacity).toBe(0.15);
  });
});

describe('kernelValues', () => {
  it('takes the kernels (every other array) in order, and the largest size', () => {
    const result = kernelValues([
      Float32Array.of(0.5, -2),
      Float32Array.of(9, 9),
      Float32Array.of(1.5, 0.25),
      Float32Array.of(-9),
    ]);
    expect(result.values).toEqual([0.5, -2, 1.5, 0.25]);
    expect(result.largest).toBe(2);
  });
});
