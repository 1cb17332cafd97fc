import { describe, expect, it } from 'vitest';
import { ChartInputError } from '../src/errors.js';
import { renderSvg } from '../src/node/render-svg.js';
import {
  predictedActualChart,
  predictedActualChartData,
} from '../src/spec/predicted-actual-chart.js';

const datasetsOf = (spec: object) => (spec as { datasets: Record<string, unknown[]> }).datasets;

describe('predictedActualChart', () => {
  const train = { actual: [1, 2, 3], predicted: [1.5, 1.5, 3.5] };
  const validation = { actual: [-1, 4], predicted: [0, 4.25] };

  it('puts each row at (actual, predicted) and the line y = x across every value', () => {
    const spec = predictedActualChart({ train, validation });
    const datasets = datasetsOf(spec);
    expect(datasets[predictedActualChartData.train]).toEqual([
      { x: 1, y: 1.5 },
      { x: 2, y: 1.5 },
      { x: 3, y: 3.5 },
    ]);
    expect(datasets[predictedActualChartData.validation]).toEqual([
      { x: -1, y: 0 },
      { x: 4, y: 4.25 },
    ]);
    // From the smallest value of either list (-1) to the largest (4.25), on the diagonal.
    expect(datasets[predictedActualChartData.identity]).toEqual([
      { x: -1, y: -1 },
      { x: 4.25, y: 4.25 },
    ]);
  });

  it('leaves validation out when there is none, and thins long sets with a note', () => {
    const actual = Array.from({ length: 10 }, (_, i) => i);
    const spec = predictedActualChart({
      train: { actual, predicted: actual },
      maxPointsPerSeries: 4,
    }) as { title: { subtitle: string[] } };
    const datasets = datasetsOf(spec);
    expect(datasets[predictedActualChartData.validation]).toBeUndefined();
    expect(datasets[predictedActualChartData.train]).toHaveLength(4);
    expect(spec.title.subtitle).toEqual(['Showing 4 of 10 points (an evenly spaced sample)']);
  });

  it('names the field of lists that do not pair up or hold a non-finite number', () => {
    expect(() => predictedActualChart({ train: { actual: [1, 2], predicted: [1] } })).toThrow(
      ChartInputError,
    );
    expect(() => predictedActualChart({ train: { actual: [1], predicted: [Number.NaN] } })).toThrow(
      'train.y[0]',
    );
  });

  it('renders with its axis titles and legend', async () => {
    const svg = await renderSvg(predictedActualChart({ train, validation, title: 'Fit' }));
    for (const text of ['Actual target', 'Predicted by the model', 'Perfect prediction (y = x)']) {
      expect(svg).toContain(text);
    }
  });
});
