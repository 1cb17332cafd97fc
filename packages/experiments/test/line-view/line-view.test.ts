import { sampleLine } from '@epochlab/data';
import { InvalidArgumentError, SeededRandom } from '@epochlab/tensor';
import { describe, expect, it } from 'vitest';
import {
  descentPath,
  type LinePoint,
  lineView,
  lossMinimum,
  lossSurface,
} from '../../src/line-view/index.js';

/** The lab's default training data: line m = 1, b = 0, n = 100, sigma 0.2, range 1, seed 0. */
function labData() {
  const train = sampleLine({
    n: 100,
    sigma: 0.2,
    range: 1,
    slope: 1,
    intercept: 0,
    random: new SeededRandom(0).stream('train-data'),
  });
  return { xs: train.x, ys: train.y };
}

const batchSizes = [
  { label: '1', batchSize: 1 },
  { label: '5', batchSize: 5 },
  { label: '25', batchSize: 25 },
  { label: 'full (100)', batchSize: 100 },
];

/** The lab's default path settings. */
const defaults = { start: [-1, -1.5] as const, lr: 0.05, steps: 200 };

function pathLength(points: readonly LinePoint[]): number {
  let length = 0;
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1] as LinePoint;
    const b = points[k] as LinePoint;
    length += Math.hypot(b.m - a.m, b.b - a.b);
  }
  return length;
}

describe('lineView', () => {
  const { xs, ys } = labData();
  const options = { xs, ys, loss: 'l1', ...defaults, batchSizes, shuffle: true, seed: 0 } as const;

  it('holds the descent path of each batch size, the minimum and the surface through them', () => {
    const view = lineView(options);
    expect(view.paths.map((p) => [p.label, p.batchSize, p.diverged])).toEqual(
      batchSizes.map((s) => [s.label, s.batchSize, false]),
    );
    view.paths.forEach((path) => {
      expect(path.points).toEqual(
        descentPath({
          xs,
          ys,
          loss: 'l1',
          ...defaults,
          batchSize: path.batchSize,
          shuffle: true,
          seed: 0,
        }),
      );
    });
    expect(view.minimum).toEqual(lossMinimum(xs, ys, 'l1'));
    const { surface } = view;
    expect(surface.m).toHaveLength(80);
    expect(surface.b).toHaveLength(80);
    const m = [surface.m[0], surface.m[79]] as [number, number];
    const b = [surface.b[0], surface.b[79]] as [number, number];
    expect(surface).toEqual(lossSurface({ xs, ys, loss: 'l1', m, b }));
  });

  it('bounds contain the start, the minimum and every path point, with room to spare', () => {
    const view = lineView(options);
    const { surface } = view;
    const [mLow, mHigh] = [surface.m[0] as number, surface.m.at(-1) as number];
    const [bLow, bHigh] = [surface.b[0] as number, surface.b.at(-1) as number];
    const margin = 0.05 * Math.min(mHigh - mLow, bHigh - bLow);
    const shown = [
      { m: defaults.start[0], b: defaults.start[1] },
      view.minimum,
      ...view.paths.flatMap((p) => p.points),
    ];
    for (const point of shown) {
      expect(point.m).toBeGreaterThan(mLow + margin);
      expect(point.m).toBeLessThan(mHigh - margin);
      expect(point.b).toBeGreaterThan(bLow + margin);
      expect(point.b).toBeLessThan(bHigh - margin);
    }
  });

  it('with the default settings: full batch ends at the minimum, batch size 1 zig-zags', () => {
    const view = lineView(options);
    const full = view.paths[3]?.points as LinePoint[];
    const single = view.paths[0]?.points as LinePoint[];
    const end = full.at(-1) as LinePoint;
    expect(Math.hypot(end.m - view.minimum.m, end.b - view.minimum.b)).toBeLessThan(0.05);
    expect(end.loss - view.minimum.loss).toBeLessThan(0.002);
    // A smooth path: no step turns back by more than 90 degrees until it is near the minimum.
    const far = full.filter((p) => Math.hypot(p.m - view.minimum.m, p.b - view.minimum.b) > 0.1);
    for (let k = 2; k < far.length; k++) {
      const [a, b, c] = [far[k - 2], far[k - 1], far[k]] as [LinePoint, LinePoint, LinePoint];
      expect((b.m - a.m) * (c.m - b.m) + (b.b - a.b) * (c.b - b.b)).toBeGreaterThan(0);
    }
    expect(pathLength(single)).toBeGreaterThan(2 * pathLength(full));
  });

  it('marks a path that diverged', () => {
    const view = lineView({
      xs: [100, -200, 300],
      ys: [1, 2, 3],
      loss: 'mse',
      start: [1, 1],
      lr: 10,
      steps: 500,
      batchSizes: [{ label: 'full', batchSize: 3 }],
      shuffle: false,
      seed: 0,
    });
    expect(view.paths[0]?.diverged).toBe(true);
    expect(view.surface.values.length).toBe(6400);
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
    expect(
      parameter(() => lineView({ ...options, start: [0] as unknown as [number, number] })),
    ).toBe('start');
    expect(
      parameter(() => lineView({ ...options, batchSizes: [{ label: 'x', batchSize: 101 }] })),
    ).toBe('batchSize');
    expect(parameter(() => lineView({ ...options, resolution: 0 }))).toBe('resolution');
  });
});
