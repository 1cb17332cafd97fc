import { InvalidArgumentError } from '@epochlab/tensor';
import { describe, expect, it } from 'vitest';
import { lineLoss, lossSurface } from '../../src/line-view/index.js';

const xs = [-1, -0.2, 0.4, 1.3];
const ys = [-0.8, 0.1, 0.3, 1.5];

describe('lossSurface', () => {
  it('is a resolution x resolution grid over the ranges, ends included, holding lineLoss', () => {
    for (const loss of ['l1', 'mse', 'huber'] as const) {
      const surface = lossSurface({ xs, ys, loss, m: [-2, 3], b: [-1, 0.5], resolution: 11 });
      expect(surface.m).toHaveLength(11);
      expect(surface.b).toHaveLength(11);
      expect(surface.values).toHaveLength(121);
      expect([surface.m[0], surface.m[10], surface.b[0], surface.b[10]]).toEqual([-2, 3, -1, 0.5]);
      expect(surface.m[4]).toBeCloseTo(0, 14); // -2 + 4 * 0.5
      expect(surface.b[6]).toBeCloseTo(-0.1, 14); // -1 + 6 * 0.15
      surface.b.forEach((b, row) => {
        surface.m.forEach((m, col) => {
          expect(surface.values[row * 11 + col]).toBe(lineLoss(m, b, xs, ys, loss));
        });
      });
    }
  });

  it('defaults to 80 points per axis', () => {
    const surface = lossSurface({ xs, ys, loss: 'l1', m: [0, 1], b: [0, 1] });
    expect(surface.m).toHaveLength(80);
    expect(surface.values).toHaveLength(6400);
  });

  it('names the option of bad input', () => {
    const parameter = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        if (InvalidArgumentError.isInstance(error)) return error.parameter;
        throw error;
      }
      return 'no error';
    };
    const base = { xs, ys, loss: 'mse', m: [0, 1], b: [0, 1] } as const;
    expect(parameter(() => lossSurface({ ...base, m: [1, 1] }))).toBe('m');
    expect(parameter(() => lossSurface({ ...base, b: [0, Number.POSITIVE_INFINITY] }))).toBe('b');
    expect(parameter(() => lossSurface({ ...base, resolution: 1 }))).toBe('resolution');
    expect(parameter(() => lossSurface({ ...base, resolution: 2.5 }))).toBe('resolution');
  });
});
