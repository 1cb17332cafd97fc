import type { UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { ChartSize, ChartSpec } from '../chart-types.js';
import { ChartInputError } from '../errors.js';
import { chartFrame } from './chart-frame.js';
import { chartSize } from './validate-input.js';

/** One cell of a heatmap: its column and row label and its value (`null`: nothing to show). */
export interface HeatmapCell {
  readonly x: string;
  readonly y: string;
  readonly value: number | null;
}

/** Name of the heatmap's dataset. */
export const heatmapChartData = { cells: 'cells' } as const;

export interface HeatmapChartOptions extends ChartSize {
  readonly cells: readonly HeatmapCell[];
  /** The column labels in axis order (left to right); every cell's `x` must be one of them. */
  readonly xValues: readonly string[];
  /** The row labels in axis order (top to bottom). */
  readonly yValues: readonly string[];
  readonly xTitle: string;
  readonly yTitle: string;
  /** The legend's title: what the colour means. */
  readonly valueTitle: string;
  /** Colour by the logarithm of the value (losses that span orders of magnitude). Default false. */
  readonly logScale?: boolean;
  readonly title?: string;
}

/**
 * A grid of coloured cells with their values written in them: for a sweep,
 * the best validation loss over two swept fields (lower is darker). Cells
 * with a `null` or non-finite value (every run diverged) are drawn empty and
 * labelled `n/a`; on a log scale values not above zero are too. Throws
 * `ChartInputError` for a cell whose `x` or `y` is not among the axis
 * values, repeated axis values, or a non-positive size.
 */
export function heatmapChart(options: HeatmapChartOptions): ChartSpec {
  const size = chartSize(options);
  for (const axis of ['xValues', 'yValues'] as const) {
    const values = options[axis];
    if (!Array.isArray(values) || new Set(values).size !== values.length) {
      throw new ChartInputError(axis, 'an array of distinct labels', values);
    }
  }
  if (!Array.isArray(options.cells)) {
    throw new ChartInputError('cells', 'an array of { x, y, value }', options.cells);
  }
  const logScale = options.logScale ?? false;
  const rows = options.cells.map((cell, i) => {
    if (!options.xValues.includes(cell?.x)) {
      throw new ChartInputError(`cells[${i}].x`, `one of ${options.xValues.join(', ')}`, cell?.x);
    }
    if (!options.yValues.includes(cell.y)) {
      throw new ChartInputError(`cells[${i}].y`, `one of ${options.yValues.join(', ')}`, cell.y);
    }
    const drawable =
      typeof cell.value === 'number' &&
      Number.isFinite(cell.value) &&
      (!logScale || cell.value > 0);
    return {
      x: cell.x,
      y: cell.y,
      value: drawable ? cell.value : null,
      label: drawable ? (cell.value as number).toPrecision(3) : 'n/a',
    };
  });
  const x = {
    field: 'x',
    type: 'ordinal',
    title: options.xTitle,
    sort: [...options.xValues],
    axis: { labelAngle: 0, grid: false },
  } as const;
  const y = {
    field: 'y',
    type: 'ordinal',
    title: options.yTitle,
    sort: [...options.yValues],
    axis: { grid: false },
  } as const;
  // Low values get the dark end of the scale: their labels are white, the others dark.
  const values = rows.flatMap((row) => (row.value === null ? [] : [row.value]));
  const low = Math.min(...values);
  const high = Math.max(...values);
  const middle = logScale ? Math.sqrt(low * high) : (low + high) / 2;
  const layer: UnitSpec<string>[] = [
    {
      mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
      encoding: {
        x,
        y,
        color: {
          field: 'value',
          type: 'quantitative',
          title: options.valueTitle,
          scale: { scheme: 'tealblues', reverse: true, ...(logScale ? { type: 'log' } : {}) },
        },
        tooltip: [
          { field: 'x', type: 'ordinal', title: options.xTitle },
          { field: 'y', type: 'ordinal', title: options.yTitle },
          { field: 'label', type: 'nominal', title: options.valueTitle },
        ],
      },
    },
    {
      mark: { type: 'text', fontSize: 12, strokeWidth: 0 },
      encoding: {
        x,
        y,
        text: { field: 'label', type: 'nominal' },
        color: {
          condition: {
            test: `datum.value !== null && datum.value < ${Number.isFinite(middle) ? middle : 0}`,
            value: '#ffffff',
          },
          value: '#1a1a1a',
        },
      },
    },
  ];
  return {
    ...chartFrame(options.title, size),
    datasets: { [heatmapChartData.cells]: rows },
    data: { name: heatmapChartData.cells },
    layer,
  };
}
