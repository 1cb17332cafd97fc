import type { PositionFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import type { UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { ChartSize, ChartSpec } from '../chart-types.js';
import { ChartInputError } from '../errors.js';
import { chartFrame } from './chart-frame.js';
import { contourLines } from './contour-lines.js';
import { seriesColor } from './series-legend.js';
import { paletteColor, seriesColors } from './theme.js';
import { chartSize, uniqueName } from './validate-input.js';

/** The loss on a grid: the value at (m[col], b[row]) is `values[row * m.length + col]`. */
export interface SurfaceGrid {
  readonly m: readonly number[];
  readonly b: readonly number[];
  readonly values: readonly number[];
}

/** A point of the (m, b) plane. */
export interface SlopeIntercept {
  readonly m: number;
  readonly b: number;
}

/** A descent path: a legend name and its points from the start. */
export interface SurfacePath {
  readonly name: string;
  readonly points: readonly SlopeIntercept[];
}

/** Text of the loss surface chart: axis titles, the colour legend's title, legend names. */
export interface LossSurfaceChartLabels {
  m: string;
  b: string;
  loss: string;
  start: string;
  minimum: string;
}

/** English defaults; pass `labels` to translate any of them. */
export const defaultLossSurfaceChartLabels: Readonly<LossSurfaceChartLabels> = {
  m: 'Slope m',
  b: 'Intercept b',
  loss: 'Loss',
  start: 'Start',
  minimum: 'Minimum',
};

/**
 * Names of the loss surface chart's datasets, for live updates: `paths` rows
 * are `{ series, step, m, b }` (replace them to grow the paths), `markers` rows
 * `{ kind: 'start' | 'minimum', m, b }`, `surface` rows `{ m, b, loss }`,
 * `contours` rows `ContourRow`.
 */
export const lossSurfaceChartData = {
  surface: 'surface',
  contours: 'contours',
  paths: 'paths',
  markers: 'markers',
} as const;

/**
 * Name of the chart's selection parameter: a click on the surface selects the
 * grid point under the pointer, and the parameter's value is `{ m: [m], b: [b] }`.
 */
export const lossSurfacePickParam = 'pick';

/** Name of the heatmap layer (its marks are `surfaceCells_marks`). */
export const surfaceLayerName = 'surfaceCells';

/** Contour lines drawn when the caller gives no count. */
const DEFAULT_CONTOUR_COUNT = 14;

export interface LossSurfaceChartOptions extends ChartSize {
  /** The loss on a regular grid of (m, b), both axes increasing. */
  surface: SurfaceGrid;
  /** Paths drawn on the surface, coloured in this order with `seriesPalette`; later ones on top. */
  paths: readonly SurfacePath[];
  /** Where the paths start, marked with a ring. */
  start: SlopeIntercept;
  /** The lowest point of the loss, marked with a star. Left out: no marker. */
  minimum?: SlopeIntercept;
  /** How many contour lines (default 14), denser towards the minimum. */
  contours?: number;
  title?: string;
  labels?: Partial<LossSurfaceChartLabels>;
}

/**
 * The loss of a two-parameter model over (m, b) as a textbook figure: a light
 * heatmap of the loss (log colour scale when every value is positive), contour
 * lines (marching squares with `d3-contour`, drawn as lines in data
 * coordinates), each descent path as a line with a small dot per step, the
 * start and the minimum marked, and one legend.
 *
 * Contour levels are `lowest + (highest - lowest) * (k / (count + 1))^2`, so
 * rings crowd towards the minimum where the paths end. The heatmap carries a
 * point selection named `pick` (on click, fields m and b): a page reads the
 * clicked grid point from it, e.g. to start new paths there.
 *
 * Non-finite loss values are left out of the heatmap (drawn as above every
 * contour). Throws `ChartInputError` naming the field for a grid axis that is
 * not increasing and finite, values of the wrong count, a non-finite path
 * point or marker, a missing or repeated path name, or a non-positive size.
 */
export function lossSurfaceChart(options: LossSurfaceChartOptions): ChartSpec {
  const labels = { ...defaultLossSurfaceChartLabels, ...options.labels };
  const size = chartSize({ width: options.width ?? 640, height: options.height ?? 480 });
  const surface = options.surface;
  if (typeof surface !== 'object' || surface === null) {
    throw new ChartInputError('surface', 'an object with arrays m, b and values', surface);
  }
  const m = gridAxis(surface.m, 'surface.m');
  const b = gridAxis(surface.b, 'surface.b');
  if (!Array.isArray(surface.values) || surface.values.length !== m.length * b.length) {
    throw new ChartInputError(
      'surface.values',
      `an array of m.length * b.length = ${m.length * b.length} numbers`,
      surface.values,
    );
  }
  const values = surface.values.map((v, i) => {
    if (typeof v !== 'number') throw new ChartInputError(`surface.values[${i}]`, 'a number', v);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  });
  const contourCount = options.contours ?? DEFAULT_CONTOUR_COUNT;
  if (!Number.isInteger(contourCount) || contourCount < 0 || contourCount > 100) {
    throw new ChartInputError('contours', 'a whole number from 0 to 100', contourCount);
  }
  if (!Array.isArray(options.paths)) {
    throw new ChartInputError('paths', 'an array of { name, points }', options.paths);
  }
  const pathRows = options.paths.flatMap((path, i) => {
    const name = uniqueName(options.paths, i, 'paths', 'path');
    if (!Array.isArray(path.points)) {
      throw new ChartInputError(`paths[${i}].points`, 'an array of { m, b }', path.points);
    }
    return (path.points as readonly SlopeIntercept[]).map((point, step) => ({
      series: name,
      step,
      ...planePoint(point, `paths[${i}].points[${step}]`),
    }));
  });
  const markers = [{ kind: 'start', ...planePoint(options.start, 'start') }];
  if (options.minimum !== undefined) {
    markers.push({ kind: 'minimum', ...planePoint(options.minimum, 'minimum') });
  }

  // A loop, not Math.min(...values): a spread of a large grid overflows the call stack.
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    if (value < lowest) lowest = value;
    if (value > highest) highest = value;
  }
  if (lowest > highest) [lowest, highest] = [0, 1];
  const levels =
    highest > lowest
      ? Array.from(
          { length: contourCount },
          (_, k) => lowest + (highest - lowest) * ((k + 1) / (contourCount + 1)) ** 2,
        )
      : [];
  const cells = b.flatMap((bj, row) =>
    m.flatMap((mi, col) => {
      const loss = values[row * m.length + col] as number;
      return Number.isFinite(loss) ? [{ m: mi, b: bj, loss }] : [];
    }),
  );
  const datasets = {
    [lossSurfaceChartData.surface]: cells,
    [lossSurfaceChartData.contours]: contourLines(m, b, values, levels),
    [lossSurfaceChartData.paths]: pathRows,
    [lossSurfaceChartData.markers]: markers,
  };

  const legend = seriesColor(
    [
      ...options.paths.map((path, i) => ({
        label: path.name,
        color: paletteColor(i),
        symbol: 'line' as const,
      })),
      { label: labels.start, color: seriesColors.marker, symbol: 'point' as const },
      ...(options.minimum === undefined
        ? []
        : [{ label: labels.minimum, color: minimumColor, symbol: 'diamond' as const }]),
    ],
    'paths',
  );

  const mDomain: [number, number] = [m[0] as number, m[m.length - 1] as number];
  const bDomain: [number, number] = [b[0] as number, b[b.length - 1] as number];
  const x: PositionFieldDef<string> = {
    field: 'm',
    type: 'quantitative',
    title: labels.m,
    scale: { domain: mDomain, nice: false, zero: false },
    axis: { tickCount: { expr: 'ceil(width / 70)' }, grid: false },
  };
  const y: PositionFieldDef<string> = {
    field: 'b',
    type: 'quantitative',
    title: labels.b,
    scale: { domain: bDomain, nice: false, zero: false },
    axis: { tickCount: { expr: 'ceil(height / 50)' }, grid: false },
  };
  // Half a cell, plus a sliver of overlap so anti-aliasing leaves no seams between cells.
  const halfM = (0.5 * CELL_OVERLAP * (mDomain[1] - mDomain[0])) / (m.length - 1);
  const halfB = (0.5 * CELL_OVERLAP * (bDomain[1] - bDomain[0])) / (b.length - 1);
  const positive = lowest > 0;
  const tooltip = [
    { field: 'm', type: 'quantitative', title: labels.m, format: '.4~g' },
    { field: 'b', type: 'quantitative', title: labels.b, format: '.4~g' },
  ] as const;

  const layer: UnitSpec<string>[] = [
    {
      name: surfaceLayerName,
      data: { name: lossSurfaceChartData.surface },
      params: [
        {
          name: lossSurfacePickParam,
          select: {
            type: 'point',
            // Only clicks on the heatmap's cells: lines and dots drawn over it carry other data.
            on: { type: 'click', markname: `${surfaceLayerName}_marks` },
            fields: ['m', 'b'],
            toggle: false,
            clear: false,
          },
        },
      ],
      transform: [
        { calculate: `datum.m - ${halfM}`, as: 'm0' },
        { calculate: `datum.m + ${halfM}`, as: 'm1' },
        { calculate: `datum.b - ${halfB}`, as: 'b0' },
        { calculate: `datum.b + ${halfB}`, as: 'b1' },
      ],
      mark: { type: 'rect', clip: true, cursor: 'crosshair', strokeWidth: 0 },
      encoding: {
        x: { ...x, field: 'm0' },
        x2: { field: 'm1' },
        y: { ...y, field: 'b0' },
        y2: { field: 'b1' },
        fill: {
          field: 'loss',
          type: 'quantitative',
          title: labels.loss,
          scale: {
            type: positive ? 'log' : 'sqrt',
            range: [...heatmapRange],
            nice: false,
            ...(positive ? {} : { zero: false }),
          },
          legend: {
            orient: 'right',
            gradientLength: 140,
            format: '.2~g',
            titlePadding: 6,
            values: legendValues(lowest, highest, positive),
          },
        },
        tooltip: [
          ...tooltip,
          { field: 'loss', type: 'quantitative', title: labels.loss, format: '.4~g' },
        ],
      },
    },
    {
      data: { name: lossSurfaceChartData.contours },
      mark: { type: 'line', clip: true, strokeWidth: 0.9, color: contourColor, opacity: 0.85 },
      encoding: {
        x,
        y,
        detail: { field: 'line', type: 'nominal' },
        order: { field: 'order', type: 'quantitative' },
      },
    },
  ];
  options.paths.forEach((path) => {
    const only = { filter: `datum.series === ${JSON.stringify(path.name)}` };
    layer.push({
      data: { name: lossSurfaceChartData.paths },
      transform: [only],
      mark: { type: 'line', clip: true, strokeWidth: 2, strokeJoin: 'round' },
      encoding: { x, y, order: { field: 'step', type: 'quantitative' }, color: legend(path.name) },
    });
    layer.push({
      data: { name: lossSurfaceChartData.paths },
      transform: [only],
      mark: { type: 'circle', clip: true, size: 14, opacity: 1 },
      encoding: {
        x,
        y,
        color: legend(path.name),
        tooltip: [
          { field: 'series', type: 'nominal', title: 'path' },
          { field: 'step', type: 'quantitative', title: 'step' },
          ...tooltip,
        ],
      },
    });
  });
  layer.push({
    data: { name: lossSurfaceChartData.markers },
    transform: [{ filter: "datum.kind === 'start'" }],
    mark: {
      type: 'point',
      shape: 'circle',
      filled: true,
      size: 150,
      stroke: 'white',
      strokeWidth: 1.5,
      opacity: 1,
    },
    encoding: { x, y, color: legend(labels.start), tooltip: [...tooltip] },
  });
  if (options.minimum !== undefined) {
    layer.push({
      data: { name: lossSurfaceChartData.markers },
      transform: [{ filter: "datum.kind === 'minimum'" }],
      mark: {
        type: 'point',
        shape: 'diamond',
        filled: true,
        size: 170,
        stroke: seriesColors.marker,
        strokeWidth: 1.25,
        opacity: 1,
      },
      encoding: { x, y, color: legend(labels.minimum), tooltip: [...tooltip] },
    });
  }

  return {
    ...chartFrame(options.title, size),
    datasets,
    layer,
    resolve: { scale: { color: 'shared' } },
  };
}

/** Cells are drawn this much wider and taller than the grid spacing. */
const CELL_OVERLAP = 1.06;

/**
 * Three to six readable values for the colour legend: 1, 2, 5 times powers of
 * ten inside [low, high] on a log scale (more steps when that gives too few),
 * evenly spaced round values otherwise.
 */
function legendValues(low: number, high: number, logScale: boolean): number[] {
  if (!(high > low)) return [low];
  if (logScale) {
    for (const steps of [
      [1, 2, 5],
      [1, 1.5, 2, 3, 5, 7],
      [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8],
    ]) {
      const values: number[] = [];
      for (let power = Math.floor(Math.log10(low)); power <= Math.ceil(Math.log10(high)); power++) {
        for (const step of steps) {
          const value = Number((step * 10 ** power).toPrecision(3));
          if (value >= low && value <= high) values.push(value);
        }
      }
      if (values.length >= 3)
        return values.length > 6 ? values.filter((_, i) => i % 2 === 0) : values;
    }
    return [low, high];
  }
  const step = 10 ** Math.floor(Math.log10((high - low) / 3));
  const multiple = [1, 2, 5, 10].find((k) => (high - low) / (k * step) <= 5) ?? 10;
  const values: number[] = [];
  for (
    let v = Math.ceil(low / (multiple * step)) * multiple * step;
    v <= high;
    v += multiple * step
  ) {
    values.push(Number(v.toPrecision(3)));
  }
  return values;
}

/** Colour of the minimum's marker: gold, visible on the light heatmap and every path. */
const minimumColor = '#f2c200';
/** Colour of the contour lines. */
const contourColor = '#6b6b6b';
/** The heatmap's colours from the lowest loss to the highest: light, so paths stay readable. */
const heatmapRange = ['#ffffff', '#c5ccd6'] as const;

function gridAxis(axis: readonly number[], field: string): number[] {
  if (!Array.isArray(axis) || axis.length < 2) {
    throw new ChartInputError(field, 'an array of at least 2 increasing finite numbers', axis);
  }
  axis.forEach((value, i) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ChartInputError(`${field}[${i}]`, 'a finite number', value);
    }
    if (i > 0 && !(value > (axis[i - 1] as number))) {
      throw new ChartInputError(
        `${field}[${i}]`,
        `greater than the value before it (${axis[i - 1]})`,
        value,
      );
    }
  });
  return axis.slice();
}

function planePoint(point: SlopeIntercept, field: string): { m: number; b: number } {
  if (typeof point !== 'object' || point === null) {
    throw new ChartInputError(field, 'an object { m, b } of finite numbers', point);
  }
  for (const key of ['m', 'b'] as const) {
    const value = point[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ChartInputError(`${field}.${key}`, 'a finite number', value);
    }
  }
  return { m: point.m, b: point.b };
}
