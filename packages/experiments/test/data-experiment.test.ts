import { countTensors, initBackend } from '@epochlab/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ConfigError,
  type DataExperimentConfigInput,
  dataExperiment,
  fitCurve,
  parseRunConfig,
  predictInUserUnits,
  runExperiment,
} from '../src/index.js';
import { givenData } from '../src/run/given-data.js';

const line = (n: number) => {
  const x = Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));
  return { x, y: x.map((v) => 2 * v + 100) };
};

function problem(input: unknown): string {
  try {
    parseRunConfig(input);
  } catch (error) {
    expect(ConfigError.isInstance(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('the data experiment config', () => {
  it('fills in the split, standardisation and training defaults', () => {
    const config = dataExperiment.parse({ experiment: 'data', points: line(10) });
    expect(config.valFraction).toBe(0.2);
    expect(config.standardize).toBe(true);
    expect(config.hidden).toEqual([12, 12, 16]);
    expect(config.batchSize).toBe(5);
    expect('n' in config || 'sigma' in config).toBe(false);
  });

  it('refuses points of unequal length, non-finite values and a missing points field', () => {
    expect(problem({ experiment: 'data', points: { x: [1, 2], y: [1] } })).toBe(
      'points must have as many y values as x values (x: 2, y: 1); got {"x":[1,2],"y":[1]}',
    );
    expect(problem({ experiment: 'data', points: { x: [1, 1e39], y: [1, 2] } })).toBe(
      'points.x[1] must be a finite number with |value| <= 3.4e38 (float32); got 1e+39',
    );
    expect(problem({ experiment: 'data' })).toBe(
      'points must be an object {"x": [...], "y": [...]} of lists of numbers',
    );
  });

  it('says when the batch is larger than the training rows', () => {
    // 6 points, 1 held out (floor(6 * 0.2)): 5 training rows.
    expect(problem({ experiment: 'data', points: line(6), batchSize: 6 })).toBe(
      'batchSize must be at most the number of training rows (5): a batch cannot hold more rows than there are; got 6',
    );
    // With validation points given, every point trains.
    const given = { experiment: 'data', points: line(6), validationPoints: line(2), batchSize: 6 };
    expect(parseRunConfig(given).batchSize).toBe(6);
  });
});

describe('givenData', () => {
  const base = dataExperiment.parse({ experiment: 'data', points: line(10), batchSize: 1 });

  it('holds out floor(rows * valFraction) rows drawn from the seed, the rest for training', () => {
    const data = givenData(base);
    expect(data.validation?.x).toHaveLength(2);
    expect(data.train.x).toHaveLength(8);
    const all = [...data.train.x, ...(data.validation?.x ?? [])].sort((a, b) => a - b);
    expect(all).toEqual([...line(10).x].sort((a, b) => a - b));
    expect(givenData(base)).toEqual(data);
    const others = [1, 2, 3].map((seed) => givenData({ ...base, seed }).validation?.x);
    expect(others.some((x) => JSON.stringify(x) !== JSON.stringify(data.validation?.x))).toBe(true);
  });

  it('fits the standardisation on the training points only (hand-computed)', () => {
    const config = dataExperiment.parse({
      experiment: 'data',
      points: { x: [0, 1, 2, 5], y: [1, 1, 3, 3] },
      validationPoints: { x: [1000], y: [-1000] },
      batchSize: 1,
    });
    const { scaling } = givenData(config);
    // x: mean 2, deviations -2 -1 0 3, squares 4 1 0 9 = 14, std sqrt(14 / 4).
    expect(scaling?.inputs.mean).toEqual([2]);
    expect(scaling?.inputs.std[0]).toBeCloseTo(Math.sqrt(3.5), 12);
    // y: mean 2, every deviation +-1, std 1.
    expect(scaling?.targets.mean).toEqual([2]);
    expect(scaling?.targets.std).toEqual([1]);
  });

  it('standardises each of several input columns on its own, and keeps rows whole when splitting', () => {
    const config = dataExperiment.parse({
      experiment: 'data',
      // Rows (a, b): (0, 10), (1, 10), (2, 40), (5, 20); b never mixes with a.
      points: { x: [0, 10, 1, 10, 2, 40, 5, 20], y: [1, 1, 3, 3], inputNames: ['a', 'b'] },
      validationPoints: { x: [1000, 1000], y: [-1000], inputNames: ['a', 'b'] },
      batchSize: 1,
    });
    const { scaling, train } = givenData(config);
    // a: as above, mean 2, std sqrt(3.5). b: mean 20, deviations -10 -10 20 0, squares sum 600, std sqrt(150).
    expect(scaling?.inputs.mean).toEqual([2, 20]);
    expect(scaling?.inputs.std[0]).toBeCloseTo(Math.sqrt(3.5), 12);
    expect(scaling?.inputs.std[1]).toBeCloseTo(Math.sqrt(150), 12);
    expect(train.inputNames).toEqual(['a', 'b']);
    const held = givenData({ ...config, validationPoints: undefined, valFraction: 0.5 });
    // Two of four rows held out, each row's pair of inputs kept together with its target.
    const rows = (points: typeof held.train) =>
      points.y.map((y, row) => [points.x[2 * row], points.x[2 * row + 1], y]);
    const all = [...rows(held.train), ...rows(held.validation ?? held.train)];
    expect(all.sort((p, q) => (p[0] as number) - (q[0] as number))).toEqual([
      [0, 10, 1],
      [1, 10, 1],
      [2, 40, 3],
      [5, 20, 3],
    ]);
  });

  it('refuses inputs that do not fill whole rows, and validation points with other columns', () => {
    expect(
      problem({ experiment: 'data', points: { x: [1, 2, 3], y: [1, 2], inputNames: ['a', 'b'] } }),
    ).toContain(
      'must have 2 x values (one per input column, row by row) for each y value (x: 3, y: 2)',
    );
    expect(
      problem({
        experiment: 'data',
        points: { x: [1, 2, 3, 4], y: [1, 2], inputNames: ['a', 'b'] },
        validationPoints: { x: [1], y: [1] },
        batchSize: 1,
      }),
    ).toContain(
      "validationPoints must have the training points' input columns (2, with the same names)",
    );
  });

  it('names the data experiment own validation fields when early stopping has none', () => {
    expect(
      problem({ experiment: 'data', points: line(10), valFraction: 0, earlyStopping: true }),
    ).toContain('set val-fraction above 0 or give validation points (--val-data)');
  });

  it('has no scaling when standardize is false', () => {
    expect(givenData({ ...base, standardize: false }).scaling).toBeUndefined();
  });
});

describe('runExperiment on the data experiment', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  const config: DataExperimentConfigInput = {
    experiment: 'data',
    points: line(20),
    epochs: 150,
    optimizer: 'adam',
    lr: 0.01,
    loss: 'mse',
    valEvery: 10,
    seed: 3,
  };

  it('trains on standardised points and draws the fit in the user units', async () => {
    const before = countTensors();
    const events: string[] = [];
    const result = await runExperiment(config, {
      backend: 'cpu',
      onEvent: (event) => {
        events.push(event.type);
        if (event.type !== 'start') return;
        // The scaling is the training points' own mean, not the validation points'.
        const trainY = event.data.train.y;
        const mean = trainY.reduce((sum, y) => sum + y, 0) / trainY.length;
        expect(event.data.scaling?.targets.mean[0]).toBeCloseTo(mean, 10);
      },
    });
    try {
      expect(result.status).toBe('completed');
      expect(result.data.validation?.x).toHaveLength(4);
      expect(events[0]).toBe('start');
      expect(events.at(-1)).toBe('end');
      expect(result.summary.experiment).toBe('data');
      // y = 2x + 100 on [-1, 1]: the curve is in the user's units, near the line.
      const curve = fitCurve(result, 5);
      curve.x.forEach((x, i) => {
        expect(Math.abs((curve.y[i] as number) - (2 * x + 100))).toBeLessThan(0.5);
      });
      const direct = predictInUserUnits(result.model, [0], result.data.scaling);
      expect(direct[0]).toBeCloseTo(100, 0);
    } finally {
      result.model.dispose();
    }
    expect(countTensors()).toBe(before);
  });

  it('gives bit-identical histories for the same config and seed on cpu', async () => {
    const short = { ...config, epochs: 20 };
    const a = await runExperiment(short, { backend: 'cpu' });
    const b = await runExperiment(short, { backend: 'cpu' });
    a.model.dispose();
    b.model.dispose();
    expect(b.history).toEqual(a.history);
  });
});
