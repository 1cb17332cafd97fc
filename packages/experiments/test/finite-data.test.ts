import { createMlp, NOTEBOOK_MLP } from '@epochlab/models';
import { initBackend, SeededRandom } from '@epochlab/tensor';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  FLOAT32_MAX,
  fitCurve,
  generateExperimentData,
  lineExperiment,
  MAX_NORMAL_DRAW,
  parseExperimentConfig,
  polynomialExperiment,
  sineExperiment,
} from '../src/index.js';

const line = { experiment: 'line', slope: 1, intercept: 0, sigma: 0.2, range: 1 } as const;

describe('dataIssue (finiteDataIssue)', () => {
  it('bounds the normal draws by sqrt(-2 ln 2^-53)', () => {
    // The seeded normal uses Box-Muller with u1 >= 2^-53: radius <= sqrt(106 ln 2).
    expect(MAX_NORMAL_DRAW).toBeCloseTo(Math.sqrt(106 * Math.LN2), 12);
    expect(MAX_NORMAL_DRAW).toBeCloseTo(8.5717, 4);
  });

  it('accepts the notebook settings and data just inside float32', () => {
    expect(lineExperiment.dataIssue(line)).toBeUndefined();
    expect(lineExperiment.dataIssue({ ...line, range: 1e38, sigma: 0 })).toBeUndefined();
    expect(lineExperiment.dataIssue({ ...line, sigma: 3e37, range: 1 })).toBeUndefined(); // 3e37 * 8.57 < 3.4e38
  });

  it('names sigma, range or the coefficients, whichever makes the data overflow', () => {
    expect(lineExperiment.dataIssue({ ...line, sigma: 1e308 })?.field).toBe('sigma');
    expect(lineExperiment.dataIssue({ ...line, sigma: 4e37 })?.field).toBe('sigma'); // 4e37 * 8.57 > 3.4e38
    expect(lineExperiment.dataIssue({ ...line, range: 1e308 })?.field).toBe('range');
    expect(lineExperiment.dataIssue({ ...line, range: 4e38 })?.field).toBe('range');
    expect(lineExperiment.dataIssue({ ...line, slope: 1e39, range: 0.5 })?.field).toBe('slope');
    expect(lineExperiment.dataIssue({ ...line, intercept: -1e39 })?.field).toBe('intercept');
    const cubic = {
      experiment: 'polynomial',
      coefficients: [1, 0, 0, 0],
      sigma: 0,
      range: 1,
    } as const;
    expect(polynomialExperiment.dataIssue({ ...cubic, range: 1e12 })).toBeUndefined(); // 1e36
    expect(polynomialExperiment.dataIssue({ ...cubic, range: 1e13 })?.field).toBe('range'); // 1e39
    expect(polynomialExperiment.dataIssue({ ...cubic, coefficients: [1e39, 0, 0, 0] })?.field).toBe(
      'coefficients',
    );
  });

  it('names the sine amplitude, which alone bounds its values', () => {
    const sine = { amplitude: 1, frequency: 3, sigma: 0.2, range: 1 };
    expect(sineExperiment.dataIssue(sine)).toBeUndefined();
    expect(sineExperiment.dataIssue({ ...sine, range: 1e30 })).toBeUndefined(); // |sin| <= 1
    expect(sineExperiment.dataIssue({ ...sine, amplitude: -1e39 })?.field).toBe('amplitude');
  });

  it('is what parseExperimentConfig refuses, so bad data never reaches training', () => {
    const error = (() => {
      try {
        parseExperimentConfig({ experiment: 'line', range: 1e308 });
      } catch (caught) {
        return caught;
      }
    })();
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).issues[0]?.field).toBe('range');
  });

  it('every point drawn from an accepted config near the limit is a finite float32', () => {
    const config = parseExperimentConfig({ experiment: 'line', sigma: 3e37, n: 2000, valN: 0 });
    const data = generateExperimentData(config, new SeededRandom(config.seed));
    for (const value of [...data.train.x, ...data.train.y]) {
      expect(Math.abs(Math.fround(value))).toBeLessThanOrEqual(FLOAT32_MAX);
    }
  });
});

describe('fitCurve', () => {
  it('spans a million points without overflowing the call stack', async () => {
    await initBackend('cpu');
    const model = createMlp(NOTEBOOK_MLP, new SeededRandom(1));
    const x = Array.from({ length: 1_000_000 }, (_, i) => Math.sin(i));
    x[123_456] = -1.5;
    x[654_321] = 2.5;
    const result = { data: { train: { x }, validation: undefined }, model };
    const curve = fitCurve(result as unknown as Parameters<typeof fitCurve>[0], 5);
    expect(curve.x).toEqual([-1.5, -0.5, 0.5, 1.5, 2.5]);
    model.dispose();
  });
});
