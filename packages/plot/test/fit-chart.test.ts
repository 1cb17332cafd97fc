import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { ChartInputError } from '../src/errors.js';
import { renderSvg } from '../src/node/render-svg.js';
import { fitChart, fitChartData } from '../src/spec/fit-chart.js';
import { linspace } from '../src/spec/linspace.js';
import { allTexts, compileWarnings, headlessView, itemsOf } from './support/headless-view.js';

const red = '#d62728';
const green = '#2ca02c';

function sampleInput() {
  const curveX = linspace(-1, 1, 150);
  return {
    train: {
      x: [-0.9, -0.5, -0.1, 0.2, 0.4, 0.6, 0.8, 0.95],
      y: [-1, -0.4, 0, 0.3, 0.35, 0.7, 0.75, 1],
    },
    validation: { x: [-0.7, -0.2, 0.3, 0.9], y: [-0.6, -0.3, 0.2, 0.8] },
    curve: { x: curveX, y: curveX.map((x) => x + 0.1 * Math.sin(6 * x)) },
    truth: { x: [-1, 1], y: [-1, 1] },
  };
}

type Rows = Record<string, { x: number; y: number }[]>;

describe('fitChart', () => {
  it('holds every series with all its points, as {x, y} rows', () => {
    const input = sampleInput();
    const datasets = fitChart(input).datasets as Rows;
    expect(datasets[fitChartData.train]).toHaveLength(8);
    expect(datasets[fitChartData.validation]).toHaveLength(4);
    expect(datasets[fitChartData.curve]).toHaveLength(150);
    expect(datasets[fitChartData.truth]).toHaveLength(2);
    expect(datasets[fitChartData.train]?.[2]).toEqual({ x: -0.1, y: 0 });
  });

  it('draws training points red and validation points green', async () => {
    const input = sampleInput();
    const view = await headlessView(fitChart(input));
    const dots = itemsOf(view, '', 'symbol').filter((item) => item.datum && 'x' in item.datum);
    const colourAt = (x: number, y: number) =>
      dots.find((dot) => dot.datum?.x === x && dot.datum?.y === y)?.fill;
    input.train.x.forEach((x, i) => {
      expect(colourAt(x, input.train.y[i] as number)).toBe(red);
    });
    input.validation.x.forEach((x, i) => {
      expect(colourAt(x, input.validation.y[i] as number)).toBe(green);
    });
    view.finalize();
  });

  it('names the axes and the legend entries, in English by default', async () => {
    const view = await headlessView(fitChart({ ...sampleInput(), title: 'Ajuste' }));
    const texts = allTexts(view);
    for (const text of ['Ajuste', 'x', 'y', 'Train', 'Validation', 'Model', 'True function']) {
      expect(texts).toContain(text);
    }
    view.finalize();
  });

  it('takes translated labels', async () => {
    const labels = {
      x: 'Entrada',
      y: 'Salida',
      train: 'Entrenamiento',
      validation: 'Validación',
      model: 'Modelo',
      truth: 'Función real',
    };
    const view = await headlessView(fitChart({ ...sampleInput(), labels }));
    const texts = allTexts(view);
    for (const text of Object.values(labels)) expect(texts).toContain(text);
    expect(texts).not.toContain('Train');
    view.finalize();
  });

  it('leaves out optional series that are not given, legend entries included', async () => {
    const { train, curve } = sampleInput();
    const spec = fitChart({ train, curve });
    expect(Object.keys(spec.datasets ?? {}).sort()).toEqual(['curve', 'train']);
    const view = await headlessView(spec);
    const texts = allTexts(view);
    expect(texts).toContain('Model');
    expect(texts).not.toContain('Validation');
    expect(texts).not.toContain('True function');
    view.finalize();
  });

  it('overlays the model at its best epoch in orange beside the final model, each labelled', async () => {
    const input = sampleInput();
    const bestCurve = { x: input.curve.x, y: input.curve.x.map((x) => 0.9 * x) };
    const labels = { model: 'Final model, epoch 2000', bestModel: 'Model at best epoch 160' };
    const spec = fitChart({ ...input, bestCurve, labels });
    expect((spec.datasets as Rows)[fitChartData.bestCurve]).toHaveLength(150);
    expect(compileWarnings(spec)).toEqual([]);
    const view = await headlessView(spec);
    const texts = allTexts(view);
    expect(texts).toContain('Final model, epoch 2000');
    expect(texts).toContain('Model at best epoch 160');
    const lines = itemsOf(view, '', 'line');
    const strokeOf = (y0: number) =>
      lines.find((line) => line.datum?.x === -1 && line.datum?.y === y0)?.stroke;
    expect(strokeOf(-0.9)).toBe('#ff7f0e');
    view.finalize();
  });

  it('compiles without Vega-Lite warnings and survives a JSON round trip', () => {
    const spec = fitChart(sampleInput());
    expect(compileWarnings(spec)).toEqual([]);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(compile(spec).spec.scales?.map((s) => s.name)).toEqual(['x', 'y', 'color']);
  });

  it('sets the size of the whole chart and does not force zero on the axes', () => {
    const spec = fitChart({ ...sampleInput(), width: 500, height: 300 });
    expect(spec).toMatchObject({ width: 500, height: 300, autosize: { type: 'fit' } });
    const scales = compile(spec).spec.scales ?? [];
    for (const name of ['x', 'y']) {
      expect(scales.find((s) => s.name === name)).toMatchObject({ zero: false });
    }
  });

  it('does not modify or keep its inputs', () => {
    const input = sampleInput();
    const snapshot = structuredClone(input);
    const spec = fitChart(input);
    expect(input).toEqual(snapshot);
    (input.train.y as number[])[0] = 123;
    expect((spec.datasets as Rows)[fitChartData.train]?.[0]?.y).toBe(-1);
  });

  it('names the field of bad input', () => {
    const input = sampleInput();
    const expectError = (run: () => unknown, field: string) => {
      try {
        run();
        expect.unreachable();
      } catch (error) {
        expect(ChartInputError.isInstance(error)).toBe(true);
        expect((error as ChartInputError).field).toBe(field);
      }
    };
    expectError(() => fitChart({ ...input, train: { x: [1, 2, 3], y: [1, 2] } }), 'train.y');
    const y = [...input.curve.y];
    y[3] = Number.NaN;
    expectError(() => fitChart({ ...input, curve: { x: input.curve.x, y } }), 'curve.y[3]');
    expectError(
      () => fitChart({ ...input, validation: { x: [Number.POSITIVE_INFINITY], y: [0] } }),
      'validation.x[0]',
    );
    expectError(() => fitChart({ ...input, labels: { validation: 'Train' } }), 'labels');
    expectError(() => fitChart({ ...input, width: 0 }), 'width');
    expect(() => fitChart({ ...input, train: { x: [1, 2, 3], y: [1, 2] } })).toThrow(
      'train.y must be as long as train.x (3); got an array of length 2',
    );
  });
});

describe('fitChart with many points', () => {
  const many = (n: number) => {
    const x = Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));
    return { x, y: x.map((v) => 2 * v) };
  };

  it('draws at most maxPointsPerSeries per series, evenly spaced, and says so', () => {
    const spec = fitChart({ train: many(100_001), validation: many(20_001), curve: many(200) });
    const datasets = spec.datasets as Rows;
    const train = datasets[fitChartData.train] ?? [];
    expect(train).toHaveLength(2000);
    // Evenly spaced indices round(i * 100000 / 1999): the first and the last point are kept.
    expect(train[0]).toEqual({ x: -1, y: -2 });
    expect(train.at(-1)).toEqual({ x: 1, y: 2 });
    expect(train[1]?.x).toBeCloseTo(-1 + (2 * Math.round(100_000 / 1999)) / 100_000, 12);
    expect(datasets[fitChartData.validation]).toHaveLength(2000);
    expect(datasets[fitChartData.curve]).toHaveLength(200);
    expect(spec.title).toEqual({
      text: '',
      subtitle: ['Showing 4,000 of 120,002 points (an evenly spaced sample)'],
    });
  });

  it('keeps small data whole, with no subtitle', () => {
    const spec = fitChart({ ...sampleInput(), title: 'Fit' });
    expect(spec.title).toBe('Fit');
  });

  it('draws no model line or legend entry without a curve, and shows the notes', async () => {
    const { curve: _, ...withoutCurve } = sampleInput();
    const spec = fitChart({ ...withoutCurve, title: 'Fit', notes: ['No model curve: diverged'] });
    expect(spec.title).toEqual({ text: 'Fit', subtitle: ['No model curve: diverged'] });
    const view = await headlessView(spec);
    expect(allTexts(view)).not.toContain('Model');
    view.finalize();
    const svg = await renderSvg(spec);
    expect(svg).toContain('No model curve: diverged');
    expect(svg).not.toMatch(/>Model</);
  });

  it('refuses a budget below 2', () => {
    expect(() => fitChart({ ...sampleInput(), maxPointsPerSeries: 1 })).toThrow(ChartInputError);
  });
});
