import { initBackend } from '@epochlab/tensor';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type EpochEndEvent,
  type EventThrottle,
  type TrainingCallbacks,
  trainModel,
  type ValidationEndEvent,
} from '../src/index.js';
import { pauseBefore } from './helpers/pause-gate.js';
import { createEchoModel, lossSequence, scriptedSource } from './helpers/scripted.js';

beforeAll(async () => {
  await initBackend('cpu');
});

afterEach(() => {
  vi.useRealTimers();
});

/**
 * Replaces `performance.now()` (the loop's clock) with one that moves only
 * when a test advances it, so that throttling is tested by the rule, not by
 * how fast the machine runs. Timers and the event loop stay real.
 */
function useTestClock(): void {
  vi.useFakeTimers({ toFake: ['performance'] });
}

/** Trains the echo model on a loss sequence (loss = epoch + 1) and returns the events received. */
async function run(epochs: number, throttle: EventThrottle | undefined, batchesPerEpoch = 1) {
  const epochEvents: EpochEndEvent[] = [];
  const validationEvents: ValidationEndEvent[] = [];
  const batchEvents: string[] = [];
  const callbacks: TrainingCallbacks = {
    onEpochEnd: (event) => void epochEvents.push(event),
    onValidationEnd: (event) => void validationEvents.push(event),
    onBatchEnd: ({ epoch, batch }) => void batchEvents.push(`${epoch}.${batch}`),
  };
  const model = createEchoModel();
  const result = await trainModel({
    model,
    train: scriptedSource((epoch) => Array(batchesPerEpoch).fill(epoch + 1)),
    validation: lossSequence(Array.from({ length: epochs }, (_, epoch) => 100 - epoch)),
    epochs,
    loss: 'l1',
    optimizer: { name: 'sgd', learningRate: 1e-3 },
    ...(throttle === undefined ? {} : { throttle }),
    callbacks,
  });
  model.dispose();
  return { result, epochEvents, validationEvents, batchEvents };
}

describe('events', () => {
  it('by default, every epoch, validation and batch is reported', async () => {
    const { epochEvents, validationEvents, batchEvents } = await run(12, undefined, 2);
    expect(epochEvents.map((event) => event.epoch)).toEqual([...Array(12).keys()]);
    expect(validationEvents.map((event) => event.epoch)).toEqual([0, 10]);
    expect(batchEvents).toHaveLength(24);
    expect(batchEvents.slice(0, 3)).toEqual(['0.0', '0.1', '1.0']);
  });

  it('epoch events carry the losses, throughput and the live history', async () => {
    const { epochEvents, validationEvents, result } = await run(12, undefined);
    const tenth = epochEvents[10] as EpochEndEvent;
    expect(tenth).toMatchObject({ epoch: 10, epochs: 12, trainLoss: 11, validationLoss: 90 });
    expect(epochEvents[9]?.validationLoss).toBeUndefined();
    expect(tenth.epochsPerSecond).toBeGreaterThan(0);
    expect(tenth.elapsedSeconds).toBeGreaterThan(0);
    expect(tenth.history).toBe(result.history);
    expect(validationEvents[1]).toMatchObject({ epoch: 10, loss: 90, bestLoss: 90, bestEpoch: 10 });
  });

  it('everyEpochs: only epochs divisible by it, then the last epoch', async () => {
    const { epochEvents, validationEvents } = await run(55, { everyEpochs: 20 });
    expect(epochEvents.map((event) => event.epoch)).toEqual([0, 20, 40, 54]);
    // Validation epochs 0, 10, ..., 50: those divisible by 20, then the held-back 50.
    expect(validationEvents.map((event) => event.epoch)).toEqual([0, 20, 40, 50]);
  });

  it('minIntervalMs: at most one event per interval, the last one delivered at the end', async () => {
    useTestClock(); // the clock stands still: no interval ever passes after the first event
    const { epochEvents, validationEvents, batchEvents } = await run(
      40,
      { minIntervalMs: 60_000 },
      3,
    );
    expect(epochEvents.map((event) => event.epoch)).toEqual([0, 39]);
    expect(epochEvents[1]?.trainLoss).toBe(40);
    expect(validationEvents.map((event) => event.epoch)).toEqual([0, 30]);
    expect(batchEvents).toEqual(['0.0']);
  });

  it('a small interval lets events through as time passes', async () => {
    useTestClock();
    const epochEvents: number[] = [];
    const model = createEchoModel();
    await trainModel({
      model,
      train: scriptedSource(() => {
        vi.advanceTimersByTime(2); // each epoch takes 2 ms
        return [1];
      }),
      epochs: 50,
      loss: 'l1',
      optimizer: { name: 'sgd', learningRate: 1e-3 },
      throttle: { minIntervalMs: 20 },
      callbacks: { onEpochEnd: ({ epoch }) => void epochEvents.push(epoch) },
    });
    // Epoch e ends at 2 (e + 1) ms: epoch 0 at 2 ms, then the first epoch at least 20 ms
    // later (10, at 22 ms), and so on; the held-back last epoch comes at the end.
    expect(epochEvents).toEqual([0, 10, 20, 30, 40, 49]);
    model.dispose();
  });

  it('waits for a handler that returns a promise before the next step', async () => {
    const order: string[] = [];
    const model = createEchoModel();
    await trainModel({
      model,
      train: lossSequence([1]),
      epochs: 2,
      loss: 'l1',
      optimizer: { name: 'sgd', learningRate: 1e-3 },
      callbacks: {
        onBatchEnd: ({ epoch }) => void order.push(`step ${epoch}`),
        onEpochEnd: async ({ epoch }) => {
          order.push(`epoch ${epoch} handler starts`);
          await new Promise((resolve) => setTimeout(resolve, 10));
          order.push(`epoch ${epoch} handler ends`);
        },
      },
    });
    expect(order).toEqual([
      'step 0',
      'epoch 0 handler starts',
      'epoch 0 handler ends',
      'step 1',
      'epoch 1 handler starts',
      'epoch 1 handler ends',
    ]);
    model.dispose();
  });

  it('rejects a bad throttle naming the field', async () => {
    await expect(run(3, { minIntervalMs: -1 })).rejects.toMatchObject({
      parameter: 'throttle.minIntervalMs',
    });
  });
});

describe('beforeEpoch', () => {
  it('is called before every epoch, in order, and a pending promise pauses training', async () => {
    const trained: number[] = [];
    const gate = pauseBefore(2); // a paused run: held before epoch 2 until released
    const model = createEchoModel();
    const running = trainModel({
      model,
      train: scriptedSource((epoch) => [epoch + 1]),
      epochs: 4,
      loss: 'l1',
      optimizer: { name: 'sgd', learningRate: 1e-3 },
      callbacks: { onEpochEnd: ({ epoch }) => void trained.push(epoch) },
      beforeEpoch: gate.beforeEpoch,
    });
    await gate.paused;
    // Give the loop every chance to run on (it must not): several event-loop turns.
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(gate.calls).toEqual([0, 1, 2]);
    expect(trained).toEqual([0, 1]);
    gate.release();
    const result = await running;
    model.dispose();
    expect(gate.calls).toEqual([0, 1, 2, 3]);
    expect(trained).toEqual([0, 1, 2, 3]);
    expect(result.status).toBe('completed');
  });
});
