import { parseExperimentConfig, runExperiment } from '@epochlab/experiments';
import { countTensors } from '@epochlab/tensor';
import { describe, expect, it } from 'vitest';
import { PauseGate } from '../src/worker/pause-gate.js';
import type {
  DoneMessage,
  ProgressMessage,
  StartedMessage,
  WorkerMessage,
} from '../src/worker/protocol.js';
import { TrainingSession } from '../src/worker/training-session.js';

const config = parseExperimentConfig({ experiment: 'line', epochs: 60, seed: 5 });

/** A session whose messages are recorded, with a way to wait for one. */
function recordedSession() {
  const messages: WorkerMessage[] = [];
  const waiters: { test: (m: WorkerMessage) => boolean; resolve: (m: WorkerMessage) => void }[] =
    [];
  const session = new TrainingSession((message) => {
    messages.push(message);
    for (const waiter of [...waiters]) {
      if (waiter.test(message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  });
  const next = (test: (m: WorkerMessage) => boolean) => {
    const seen = messages.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise<WorkerMessage>((resolve) => waiters.push({ test, resolve }));
  };
  return { session, messages, next };
}

const ofType = <T extends WorkerMessage['type']>(messages: WorkerMessage[], type: T) =>
  messages.filter((m): m is WorkerMessage & { type: T } => m.type === type);

describe('PauseGate', () => {
  it('lets epochs through while running, holds them while paused, steps one at a time', async () => {
    const gate = new PauseGate();
    expect(gate.beforeEpoch()).toBeUndefined();
    gate.pause();
    const held = gate.beforeEpoch();
    expect(held).toBeInstanceOf(Promise);
    expect(gate.isWaiting).toBe(true);
    gate.step();
    await held; // the stepped epoch runs...
    expect(gate.beforeEpoch()).toBeInstanceOf(Promise); // ...and the next one waits again
    gate.step(); // a step pressed before training reaches the gate is kept
    gate.resume();
    expect(gate.beforeEpoch()).toBeUndefined();
  });

  it('release lets a held epoch and every later one through', async () => {
    const gate = new PauseGate(true);
    const held = gate.beforeEpoch();
    gate.release();
    await held;
    expect(gate.beforeEpoch()).toBeUndefined();
  });
});

describe('TrainingSession (the worker protocol)', () => {
  it('streams started, progress and done; the history equals runExperiment on its own', async () => {
    const { session, messages } = recordedSession();
    await session.handle({
      type: 'start',
      runId: 1,
      config,
      backend: 'cpu',
      progressIntervalMs: 0,
    });

    expect(messages[0]?.type).toBe('started');
    expect(messages.at(-1)?.type).toBe('done');
    const started = messages[0] as StartedMessage;
    expect(started.parameterCount).toBe(405);
    expect(started.backend.name).toBe('cpu');
    expect(started.train.x).toHaveLength(5);
    expect(started.validation?.x).toHaveLength(5);
    expect(started.curve.x).toHaveLength(100);
    expect(started.curve.y).toHaveLength(100);

    const progress = ofType(messages, 'progress');
    expect(progress.length).toBeGreaterThan(1);
    // Every epoch's loss arrives exactly once, in order, across the progress messages.
    const streamed = progress.flatMap((m: ProgressMessage) => m.train.map((p) => p.epoch));
    expect(streamed).toEqual(Array.from({ length: 60 }, (_, i) => i));
    const streamedVal = progress.flatMap((m) => m.val.map((p) => p.epoch));
    expect(streamedVal).toEqual([0, 10, 20, 30, 40, 50]);
    // The curve moves as the model learns.
    expect(progress.at(-1)?.curve.y).not.toEqual(started.curve.y);

    const done = messages.at(-1) as DoneMessage;
    expect(done.status).toBe('completed');
    const reference = await runExperiment(config, { backend: 'cpu' });
    reference.model.dispose();
    expect(done.history).toEqual(reference.history);
    expect(progress.flatMap((m) => m.train)).toEqual(reference.history.train);
    expect(done.summary.epochsRun).toBe(60);

    // The model files: a layers-format model.json whose weights file holds 405 float32s.
    const modelJson = JSON.parse(done.model.modelJson);
    expect(modelJson.format).toBe('layers-model');
    expect(modelJson.weightsManifest[0].paths).toEqual(['model.weights.bin']);
    expect(done.model.weights.byteLength).toBe(405 * 4);
  });

  it('leaves no tensors behind, run after run', async () => {
    const { session, messages } = recordedSession();
    const before = countTensors();
    for (const runId of [1, 2, 3]) {
      await session.handle({
        type: 'start',
        runId,
        config: { ...config, epochs: 15 },
        backend: 'cpu',
      });
    }
    const done = ofType(messages, 'done');
    expect(done).toHaveLength(3);
    expect(done.map((m) => m.tensorsAfter)).toEqual([before, before, before]);
    expect(countTensors()).toBe(before);
  });

  it('starts paused, steps one epoch at a time, resumes, and the numbers do not change', async () => {
    const { session, messages, next } = recordedSession();
    const finished = session.handle({
      type: 'start',
      runId: 7,
      config,
      backend: 'cpu',
      paused: true,
      progressIntervalMs: 0,
    });
    await next((m) => m.type === 'paused');
    expect(ofType(messages, 'paused')[0]?.nextEpoch).toBe(0);
    expect(ofType(messages, 'progress')).toHaveLength(0);

    await session.handle({ type: 'step' });
    await next((m) => m.type === 'paused' && m.nextEpoch === 1);
    // Exactly one epoch ran, and its loss reached the page before the pause.
    const afterStep = ofType(messages, 'progress').flatMap((m) => m.train.map((p) => p.epoch));
    expect(afterStep).toEqual([0]);

    await session.handle({ type: 'step' });
    await next((m) => m.type === 'paused' && m.nextEpoch === 2);

    await session.handle({ type: 'resume' });
    await finished;
    const done = messages.at(-1) as DoneMessage;
    expect(done.type).toBe('done');
    expect(done.status).toBe('completed');
    expect(ofType(messages, 'resumed').map((m) => m.nextEpoch)).toEqual([0, 1, 2]);
    const reference = await runExperiment(config, { backend: 'cpu' });
    reference.model.dispose();
    expect(done.history).toEqual(reference.history);
  });

  it('stop ends a paused run with status aborted and the history so far', async () => {
    const { session, messages, next } = recordedSession();
    const finished = session.handle({
      type: 'start',
      runId: 3,
      config,
      backend: 'cpu',
      paused: true,
    });
    await next((m) => m.type === 'paused');
    await session.handle({ type: 'step' });
    await next((m) => m.type === 'paused' && m.nextEpoch === 1);
    await session.handle({ type: 'stop' });
    await finished;
    const done = ofType(messages, 'done')[0];
    expect(done?.status).toBe('aborted');
    expect(done?.history.train.map((p) => p.epoch)).toEqual([0]);
    expect(done?.runId).toBe(3);
  });

  it('a new start stops the run before it; messages carry their run id', async () => {
    const { session, messages, next } = recordedSession();
    const first = session.handle({ type: 'start', runId: 1, config, backend: 'cpu', paused: true });
    await next((m) => m.type === 'paused');
    await session.handle({
      type: 'start',
      runId: 2,
      config: { ...config, epochs: 5 },
      backend: 'cpu',
    });
    await first;
    const done = ofType(messages, 'done');
    expect(done.map((m) => [m.runId, m.status])).toEqual([
      [1, 'aborted'],
      [2, 'completed'],
    ]);
  });

  it('reports a backend that cannot start as an error message', async () => {
    const { session, messages } = recordedSession();
    await session.handle({ type: 'start', runId: 9, config, backend: 'webgl' });
    expect(messages).toHaveLength(1);
    expect(messages[0]?.type).toBe('error');
    expect(messages[0]?.type === 'error' && messages[0].message).toMatch(/webgl/);
  });
});
