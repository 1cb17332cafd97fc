import { parse, View } from 'vega';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { ContourRow } from '../src/spec/contour-lines.js';
import { linspace } from '../src/spec/linspace.js';
import {
  type LossSurfaceChartOptions,
  lossSurfaceChart,
  lossSurfaceChartData,
  lossSurfacePickParam,
  surfaceLayerName,
} from '../src/spec/loss-surface-chart.js';
import { seriesPalette } from '../src/spec/theme.js';
import { chartInputField } from './support/chart-input-field.js';
import { allTexts, compileWarnings, itemsOf } from './support/headless-view.js';

/** The MSE of a line on two points, (m - 1)^2 + (b - 0.5)^2 / 2 + 0.1, sampled on a grid. */
const bowl = (m: number, b: number) => (m - 1) ** 2 + 0.5 * (b - 0.5) ** 2 + 0.1;

function surface(columns = 30, rows = 20) {
  const m = linspace(-1, 2, columns);
  const b = linspace(-1, 1.5, rows);
  return { m, b, values: b.flatMap((bj) => m.map((mi) => bowl(mi, bj))) };
}

/** Gradient descent on the bowl from (-0.8, -0.8). */
function descent(lr: number, steps: number) {
  const points = [{ m: -0.8, b: -0.8 }];
  for (let k = 0; k < steps; k++) {
    const { m, b } = points[k] as { m: number; b: number };
    points.push({ m: m - lr * 2 * (m - 1), b: b - lr * (b - 0.5) });
  }
  return points;
}

function input(): LossSurfaceChartOptions {
  return {
    surface: surface(),
    paths: [
      { name: 'batch 1', points: descent(0.05, 40) },
      { name: 'full batch', points: descent(0.1, 40) },
    ],
    start: { m: -0.8, b: -0.8 },
    minimum: { m: 1, b: 0.5 },
  };
}

type Layer = {
  name?: string;
  data?: { name: string };
  mark: { type: string };
  params?: { name: string; select: unknown }[];
  encoding: Record<string, { field?: string; scale?: { type?: string } }>;
};

async function view(options: LossSurfaceChartOptions) {
  const result = new View(parse(compile(lossSurfaceChart(options)).spec), { renderer: 'none' });
  await result.runAsync();
  return result;
}

const field = chartInputField;

describe('lossSurfaceChart', () => {
  it('holds the grid, the contour lines, the paths and the markers as datasets', () => {
    const spec = lossSurfaceChart(input());
    const datasets = spec.datasets as Record<string, Record<string, unknown>[]>;
    expect(datasets[lossSurfaceChartData.surface]).toHaveLength(600);
    expect(datasets[lossSurfaceChartData.surface]?.[31]).toEqual({
      m: surface().m[1],
      b: surface().b[1],
      loss: bowl(surface().m[1] as number, surface().b[1] as number),
    });
    const paths = datasets[lossSurfaceChartData.paths] as { series: string; step: number }[];
    expect(paths).toHaveLength(82);
    expect(paths[41]).toEqual({ series: 'full batch', step: 0, m: -0.8, b: -0.8 });
    expect(datasets[lossSurfaceChartData.markers]).toEqual([
      { kind: 'start', m: -0.8, b: -0.8 },
      { kind: 'minimum', m: 1, b: 0.5 },
    ]);
    const contours = datasets[lossSurfaceChartData.contours] as unknown as ContourRow[];
    expect(new Set(contours.map((row) => row.level)).size).toBe(14);
    // On the level up to linear interpolation between grid points (spacing 0.1 and 0.13):
    // at most h^2 / 8 times the curvature, under 0.005.
    for (const row of contours)
      expect(Math.abs(bowl(row.m, row.b) - row.level)).toBeLessThan(0.005);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('layers: heatmap with the pick selection, contour lines, a line and dots per path, markers', () => {
    const layers = (lossSurfaceChart(input()) as { layer: Layer[] }).layer;
    expect(layers.map((l) => [l.data?.name, l.mark.type])).toEqual([
      ['surface', 'rect'],
      ['contours', 'line'],
      ['paths', 'line'],
      ['paths', 'circle'],
      ['paths', 'line'],
      ['paths', 'circle'],
      ['markers', 'point'],
      ['markers', 'point'],
    ]);
    const heatmap = layers[0] as Layer;
    expect(heatmap.name).toBe(surfaceLayerName);
    expect(heatmap.params).toEqual([
      {
        name: lossSurfacePickParam,
        select: expect.objectContaining({ type: 'point', fields: ['m', 'b'] }),
      },
    ]);
    expect(heatmap.encoding.fill?.field).toBe('loss');
    expect(heatmap.encoding.fill?.scale?.type).toBe('log');
    expect(layers[1]?.encoding.detail?.field).toBe('line');
    expect(layers[1]?.encoding.order?.field).toBe('order');
    expect(layers[2]?.encoding.order?.field).toBe('step');
  });

  it('colours paths in palette order and labels axes and legend', async () => {
    const chart = await view(input());
    const strokes = itemsOf(chart, 'layer_2', 'line').map((item) => item.stroke);
    expect(new Set(strokes)).toEqual(new Set([seriesPalette[0]]));
    const fullBatch = itemsOf(chart, 'layer_4', 'line').map((item) => item.stroke);
    expect(new Set(fullBatch)).toEqual(new Set([seriesPalette[1]]));
    const texts = allTexts(chart);
    for (const text of [
      'Slope m',
      'Intercept b',
      'Loss',
      'batch 1',
      'full batch',
      'Start',
      'Minimum',
    ]) {
      expect(texts).toContain(text);
    }
    chart.finalize();
  });

  it('draws the minimum as a diamond in the legend as on the map, the start as a dot in both', async () => {
    const chart = await view(input());
    const legendShape = (label: string) => {
      const found: unknown[] = [];
      const visit = (node: {
        role?: string;
        items?: unknown[];
        datum?: { value?: unknown };
        shape?: unknown;
      }) => {
        if (node.role === 'legend-symbol') {
          for (const item of (node.items ?? []) as {
            datum?: { value?: unknown };
            shape?: unknown;
          }[]) {
            if (item.datum?.value === label) found.push(item.shape);
          }
        }
        for (const child of (node.items ?? []) as (typeof node)[]) visit(child);
      };
      visit((chart.scenegraph() as unknown as { root: Parameters<typeof visit>[0] }).root);
      return found[0] as string;
    };
    // The map's markers: the start a circle, the minimum a diamond (Vega's symbol shapes).
    const markerShape = (kind: string) =>
      itemsOf(chart, 'layer_', 'symbol').find((item) => item.datum?.kind === kind) as
        | { shape?: string }
        | undefined;
    expect(markerShape('start')?.shape).toBe('circle');
    expect(markerShape('minimum')?.shape).toBe('diamond');
    // The legend draws custom paths scaled to its entries: four corners (a diamond) for the
    // minimum, arcs (a dot) for the start.
    expect(legendShape('Minimum').match(/L/g)).toHaveLength(3);
    expect(legendShape('Minimum')).not.toContain('A');
    expect(legendShape('Start')).toContain('A');
    chart.finalize();
  });

  it('reports a clicked grid point through the pick parameter as { m: [m], b: [b] }', async () => {
    const chart = await view(input());
    const cells = itemsOf(chart, surfaceLayerName, 'rect');
    expect(cells).toHaveLength(600);
    const cell = cells[45]?.datum as { m: number; b: number };
    // What a click on that cell does: the selection's tuple gets the cell's m and b.
    chart.signal(`${lossSurfacePickParam}_tuple`, {
      unit: surfaceLayerName,
      fields: chart.signal(`${lossSurfacePickParam}_tuple_fields`),
      values: [cell.m, cell.b],
    });
    await chart.runAsync();
    expect(chart.signal(lossSurfacePickParam)).toMatchObject({ m: [cell.m], b: [cell.b] });
    chart.finalize();
  });

  it('translates labels, leaves out the minimum when not given, and non-finite cells', () => {
    const grid = surface(4, 3);
    const values = grid.values.slice();
    values[5] = Number.POSITIVE_INFINITY;
    values[6] = 0; // a zero loss: no log colour scale
    const spec = lossSurfaceChart({
      surface: { ...grid, values },
      paths: [],
      start: { m: 0, b: 0 },
      labels: { m: 'Pendiente m', b: 'Ordenada b', loss: 'Pérdida', start: 'Inicio' },
    });
    const datasets = spec.datasets as Record<string, unknown[]>;
    expect(datasets[lossSurfaceChartData.surface]).toHaveLength(11);
    expect(datasets[lossSurfaceChartData.markers]).toHaveLength(1);
    const layers = (spec as { layer: Layer[] }).layer;
    expect(layers[0]?.encoding.fill?.scale?.type).toBe('sqrt');
    expect(JSON.stringify(spec)).toContain('Pendiente m');
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('names the field of bad input', () => {
    const good = input();
    const grid = surface(4, 3);
    expect(field(() => lossSurfaceChart({ ...good, surface: { ...grid, m: [0, 2, 1, 3] } }))).toBe(
      'surface.m[2]',
    );
    expect(field(() => lossSurfaceChart({ ...good, surface: { ...grid, b: [0] } }))).toBe(
      'surface.b',
    );
    expect(field(() => lossSurfaceChart({ ...good, surface: { ...grid, values: [1, 2] } }))).toBe(
      'surface.values',
    );
    const twin = [good.paths[0], good.paths[0]] as LossSurfaceChartOptions['paths'];
    expect(field(() => lossSurfaceChart({ ...good, paths: twin }))).toBe('paths[1].name');
    const broken = [
      {
        name: 'a',
        points: [
          { m: 0, b: 0 },
          { m: 1, b: Number.NaN },
        ],
      },
    ];
    expect(field(() => lossSurfaceChart({ ...good, paths: broken }))).toBe('paths[0].points[1].b');
    expect(field(() => lossSurfaceChart({ ...good, start: { m: Number.NaN, b: 0 } }))).toBe(
      'start.m',
    );
    expect(field(() => lossSurfaceChart({ ...good, minimum: { m: 0 } as never }))).toBe(
      'minimum.b',
    );
    expect(field(() => lossSurfaceChart({ ...good, contours: -1 }))).toBe('contours');
    expect(field(() => lossSurfaceChart({ ...good, height: Number.NaN }))).toBe('height');
  });
});
