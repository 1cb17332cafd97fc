import { describe, expect, it } from 'vitest';
import {
  defaultLocalMinimaConfig,
  globalValley,
  localMinimaPoints,
  MAX_FREQUENCY,
  sineFitGradient,
  sineFitLoss,
  sineSgdRun,
  sineValleys,
  valleyIndexOf,
} from '../../src/index.js';

const config = defaultLocalMinimaConfig();
const points = localMinimaPoints(config);
const n = points.xs.length;
const valleys = sineValleys(points, MAX_FREQUENCY);
const start = { w: config.start[0], a: config.start[1] };
const startValley = valleyIndexOf(valleys, start.w);

describe('the default start', () => {
  it('lies in a valley other than the global one, below both of its ridges', () => {
    expect(startValley).toBeGreaterThanOrEqual(0);
    expect(startValley).not.toBe(globalValley(valleys).index);
    const valley = valleys[startValley];
    expect(sineFitLoss(start.w, start.a, points)).toBeLessThan(valley?.ridgeLoss ?? 0);
  });
});

describe('full-batch gradient descent from the default start', () => {
  it.each(config.lrs)('at lr %s lowers the loss every step and ends in the start valley', (lr) => {
    const run = sineSgdRun({
      points,
      start,
      lr,
      batchSize: n,
      epochs: 400,
      seed: 1,
      valleys,
      keepPath: true,
    });
    expect(run.diverged).toBe(false);
    expect(run.valley).toBe(startValley);
    const losses = (run.path ?? []).map((p) => sineFitLoss(p.w, p.a, points));
    for (let step = 1; step < losses.length; step++) {
      // Down every step, up to float64 rounding once the floor is reached.
      expect(losses[step]).toBeLessThanOrEqual((losses[step - 1] as number) + 1e-12);
    }
    for (const point of run.path ?? []) expect(valleyIndexOf(valleys, point.w)).toBe(startValley);
  });

  it('reaches the valley floor (gradient near zero) and is the same on every run', () => {
    const options = { points, start, lr: 0.3, batchSize: n, epochs: 3000, seed: 1, valleys };
    const run = sineSgdRun(options);
    const gradient = sineFitGradient(run.end.w, run.end.a, points);
    expect(Math.hypot(gradient.dw, gradient.da)).toBeLessThan(1e-8);
    expect(run.end.w).toBeCloseTo(valleys[startValley]?.minimum.w ?? 0, 5);
    expect(sineSgdRun(options)).toEqual(run);
  });

  it('is the same for a batch of all n points whatever the seed, and equals plain steps', () => {
    const base = { points, start, lr: 0.2, batchSize: n, epochs: 30, valleys, keepPath: true };
    const a = sineSgdRun({ ...base, seed: 1 });
    const b = sineSgdRun({ ...base, seed: 99 });
    expect(b.path).toEqual(a.path);
    // The same steps by hand: (w, a) -= lr * gradient over all points, 30 times.
    let w = start.w;
    let amplitude = start.a;
    for (let step = 0; step < 30; step++) {
      const g = sineFitGradient(w, amplitude, points);
      w -= 0.2 * g.dw;
      amplitude -= 0.2 * g.da;
    }
    expect(a.end).toEqual({ w, a: amplitude });
  });
});

describe('mini-batch SGD', () => {
  it('takes ceil(n / B) steps per epoch and follows its seed', () => {
    const run = sineSgdRun({ points, start, lr: 0.1, batchSize: 5, epochs: 3, seed: 4, valleys });
    expect(run.steps).toBe(3 * Math.ceil(n / 5));
    const other = sineSgdRun({ points, start, lr: 0.1, batchSize: 5, epochs: 3, seed: 5, valleys });
    expect(other.end).not.toEqual(run.end);
  });

  it('stops a run that is thrown out of [-100, 100] and marks it diverged', () => {
    const run = sineSgdRun({ points, start, lr: 50, batchSize: 1, epochs: 5, seed: 1, valleys });
    expect(run.diverged).toBe(true);
    expect(Math.abs(run.end.w)).toBeLessThanOrEqual(100);
  });
});
