import { contours } from 'd3-contour';

/** A point of a contour line, in data coordinates, with its line and its place along it. */
export interface ContourRow {
  /** The loss on this line. */
  level: number;
  /** Which polyline this point belongs to (unique over the chart). */
  line: number;
  /** Position along the polyline. */
  order: number;
  m: number;
  b: number;
}

/**
 * Contour lines of a grid of values at the given levels, in data coordinates:
 * marching squares (`d3-contour`) on the grid, whose sample (col, row) sits at
 * (m[col], b[row]). d3-contour returns closed polygons that run along the
 * grid's border where a level leaves the grid; those border stretches are not
 * contour lines, so each ring is cut there into open polylines.
 */
export function contourLines(
  m: readonly number[],
  b: readonly number[],
  values: readonly number[],
  levels: readonly number[],
): ContourRow[] {
  const columns = m.length;
  const rows = b.length;
  // d3-contour treats invalid values as lower than every level; an overflowed loss is higher.
  const grid = values.map((v) => (Number.isNaN(v) ? Number.POSITIVE_INFINITY : v));
  const generator = contours().size([columns, rows]).thresholds(levels.slice());
  // Grid coordinates: sample i is at i + 0.5; the border is at 0 and at columns (rows).
  const toM = (gx: number) => interpolate(m, clamp(gx - 0.5, 0, columns - 1));
  const toB = (gy: number) => interpolate(b, clamp(gy - 0.5, 0, rows - 1));
  const onBorder = ([gx, gy]: [number, number]) =>
    gx <= 0 || gx >= columns || gy <= 0 || gy >= rows;

  const result: ContourRow[] = [];
  let line = 0;
  const emit = (points: [number, number][], level: number) => {
    if (points.length < 2) return;
    points.forEach(([gx, gy], order) => {
      result.push({ level, line, order, m: toM(gx), b: toB(gy) });
    });
    line++;
  };
  for (const level of levels) {
    const geometry = generator.contour(grid, level);
    for (const polygon of geometry.coordinates) {
      for (const ring of polygon) {
        const points = ring as [number, number][];
        const start = points.findIndex(onBorder);
        if (start < 0) {
          emit(points, level);
          continue;
        }
        // Keep the runs of inner points between border points, in ring order.
        const count = points.length - 1; // the last point repeats the first
        let current: [number, number][] = [];
        for (let k = 1; k <= count; k++) {
          const point = points[(start + k) % count] as [number, number];
          if (onBorder(point)) {
            emit(current, level);
            current = [];
          } else current.push(point);
        }
      }
    }
  }
  return result;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** The coordinate at fractional index `position` of an increasing axis. */
function interpolate(axis: readonly number[], position: number): number {
  const i = Math.min(axis.length - 2, Math.floor(position));
  const low = axis[i] as number;
  const high = axis[i + 1] as number;
  return low + (position - i) * (high - low);
}
