import { describe, expect, it } from 'vitest';
import {
  drawnPaths,
  escapeShareSeries,
  type LocalMinimaRow,
  parseLocalMinimaConfig,
  runLocalMinima,
  unsettledShareSeries,
} from '../../src/index.js';

function row(lr: number, batchSize: number, label: string, share: number): LocalMinimaRow {
  return {
    lr,
    batchSize,
    label,
    runs: 10,
    globalShare: share,
    globalShareInterval: [share / 2, (share + 1) / 2],
    startShare: 1 - share,
    otherShare: 0,
    divergedShare: 0.1,
    unsettledShare: 0.2,
    medianStepsToGlobal: null,
    finalLoss: null,
  };
}

const rows = [
  row(0.1, 1, '1', 0.5),
  row(0.1, 32, 'full (32)', 0),
  row(0.3, 1, '1', 0.9),
  row(0.3, 32, 'full (32)', 0),
];

describe('the share series', () => {
  it('make a line per learning rate over the batch size, the interval as the band', () => {
    const series = escapeShareSeries(rows, 'batchSize', (r) => `lr ${r.lr}`);
    expect(series.map((s) => s.name)).toEqual(['lr 0.1', 'lr 0.3']);
    expect(series[1]?.points).toEqual([
      { x: 1, mean: 0.9, low: 0.45, high: 0.95 },
      { x: 32, mean: 0, low: 0, high: 0.5 },
    ]);
  });

  it('make a line per batch size over the learning rate', () => {
    const series = escapeShareSeries(rows, 'lr', (r) => r.label);
    expect(series.map((s) => [s.name, s.points.map((p) => p.x)])).toEqual([
      ['1', [0.1, 0.3]],
      ['full (32)', [0.1, 0.3]],
    ]);
    // Diverged 0.1 + unsettled 0.2 = 0.3, a line without a band.
    const unsettled = unsettledShareSeries(rows, (r) => r.label);
    expect(unsettled[0]?.points[0]).toEqual({
      x: 0.1,
      mean: 0.1 + 0.2,
      low: 0.1 + 0.2,
      high: 0.1 + 0.2,
    });
  });
});

describe('drawnPaths', () => {
  it('keeps one point per epoch of each SGD path and every step of the full batch, drawn last', async () => {
    const config = parseLocalMinimaConfig({
      experiment: 'local-minima',
      lrs: [0.1],
      batchSizes: ['full'],
      seeds: 1,
      epochs: 5,
      pathCount: 2,
      pathBatchSize: 4,
    });
    const result = await runLocalMinima(config);
    const paths = drawnPaths(result);
    expect(paths.map((p) => [p.kind, p.seed])).toEqual([
      ['sgd', 1],
      ['sgd', 2],
      ['full-batch', 1],
    ]);
    // 32 points in batches of 4: 8 steps per epoch, 40 steps; kept: steps 0, 8, ..., 40.
    const sgd = result.sgdPaths[0]?.path ?? [];
    expect(paths[0]?.points).toEqual([0, 8, 16, 24, 32, 40].map((step) => sgd[step]));
    expect(paths[2]?.points).toEqual(result.fullBatchPath.path);
    expect(paths[2]?.points).toHaveLength(6);
  });
});
