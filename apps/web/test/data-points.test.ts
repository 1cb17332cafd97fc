import { parseExperimentConfig } from '@epochlab/experiments';
import { describe, expect, it } from 'vitest';
import { CURVE_POINTS, previewDataPoints } from '../src/worker/data-points.js';
import type { StartedMessage, WorkerMessage } from '../src/worker/protocol.js';
import { TrainingSession } from '../src/worker/training-session.js';

/** The `started` message of a short run of `config` in the worker's session, on cpu. */
async function startedPoints(config: ReturnType<typeof parseExperimentConfig>) {
  const messages: WorkerMessage[] = [];
  const session = new TrainingSession((message) => messages.push(message));
  await session.handle({ type: 'start', runId: 1, config, backend: 'cpu', progressIntervalMs: 0 });
  const started = messages.find((m): m is StartedMessage => m.type === 'started');
  if (!started) throw new Error('no started message');
  return { train: started.train, validation: started.validation, truth: started.truth };
}

describe('previewDataPoints', () => {
  it('draws on the page the very points the worker trains on (line, with validation)', async () => {
    const config = parseExperimentConfig({ experiment: 'line', epochs: 2, seed: 11, n: 7 });
    const preview = previewDataPoints(config);
    expect(preview).toEqual(await startedPoints(config));
    expect(preview.train.x).toHaveLength(7);
    expect(preview.validation?.x).toHaveLength(5);
  });

  it('does the same for a polynomial without validation', async () => {
    const config = parseExperimentConfig({
      experiment: 'polynomial',
      coefficients: [1, 0, -2],
      valN: 0,
      epochs: 1,
      seed: 3,
    });
    const preview = previewDataPoints(config);
    expect(preview.validation).toBeUndefined();
    expect(preview).toEqual(await startedPoints(config));
  });

  it('puts the true function on evenly spaced x values over the points', () => {
    const config = parseExperimentConfig({ experiment: 'line', slope: 2, intercept: -1, sigma: 0 });
    const { train, validation, truth } = previewDataPoints(config);
    const all = [...train.x, ...(validation?.x ?? [])];
    expect(truth.x).toHaveLength(CURVE_POINTS);
    expect(truth.x[0]).toBe(Math.min(...all));
    expect(truth.x.at(-1)).toBe(Math.max(...all));
    // y = 2x - 1 exactly: no noise on the truth.
    truth.x.forEach((x, i) => {
      expect(truth.y[i]).toBeCloseTo(2 * x - 1, 12);
    });
  });
});
