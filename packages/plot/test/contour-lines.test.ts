import { describe, expect, it } from 'vitest';
import { contourLines } from '../src/spec/contour-lines.js';
import { linspace } from '../src/spec/linspace.js';

/** A bowl whose contours are ellipses: f = (m - 1)^2 + 2 b^2. */
const bowl = (m: number, b: number) => (m - 1) ** 2 + 2 * b ** 2;

function grid(mRange: [number, number], bRange: [number, number], columns: number, rows: number) {
  const m = linspace(mRange[0], mRange[1], columns);
  const b = linspace(bRange[0], bRange[1], rows);
  const values = b.flatMap((bj) => m.map((mi) => bowl(mi, bj)));
  return { m, b, values };
}

describe('contourLines', () => {
  it('puts every point on its level, in data coordinates', () => {
    const { m, b, values } = grid([-1, 3], [-1.5, 1.5], 81, 61);
    const levels = [0.1, 0.5, 1, 2];
    const rows = contourLines(m, b, values, levels);
    expect(new Set(rows.map((r) => r.level))).toEqual(new Set(levels));
    for (const row of rows) {
      // Linear interpolation between grid points of spacing 0.05: error well under 1%.
      expect(Math.abs(bowl(row.m, row.b) - row.level)).toBeLessThan(0.01 * row.level + 1e-3);
    }
  });

  it('closes rings that stay inside the grid, one polyline each', () => {
    const { m, b, values } = grid([-1, 3], [-1.5, 1.5], 81, 61);
    const rows = contourLines(m, b, values, [0.5]);
    const lines = new Set(rows.map((r) => r.line));
    expect(lines.size).toBe(1);
    const first = rows[0];
    const last = rows.at(-1);
    expect(last?.m).toBeCloseTo(first?.m as number, 12);
    expect(last?.b).toBeCloseTo(first?.b as number, 12);
    expect(rows.map((r) => r.order)).toEqual(rows.map((_, i) => i));
  });

  it('cuts rings where they leave the grid instead of running along its border', () => {
    // Level 2 is an ellipse with half-axes sqrt(2) and 1; the grid cuts its left and right ends.
    const { m, b, values } = grid([0, 2], [-1.5, 1.5], 41, 61);
    const rows = contourLines(m, b, values, [2]);
    expect(new Set(rows.map((r) => r.line)).size).toBe(2);
    for (const row of rows) {
      expect(row.m).toBeGreaterThanOrEqual(0);
      expect(row.m).toBeLessThanOrEqual(2);
      expect(Math.abs(bowl(row.m, row.b) - 2)).toBeLessThan(0.02);
    }
    // Neither piece has two consecutive points on the border.
    const onBorder = (r: { m: number }) => r.m === 0 || r.m === 2;
    for (let i = 1; i < rows.length; i++) {
      const [a, c] = [rows[i - 1], rows[i]];
      if (a && c && a.line === c.line) expect(onBorder(a) && onBorder(c)).toBe(false);
    }
  });
});
