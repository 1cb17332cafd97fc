import { parseBatchSizeLabConfig, runBatchSizeLab } from '@epochlab/experiments';
import { countTensors } from '@epochlab/tensor';
import { describe, expect, it } from 'vitest';
import type {
  LabDoneMessage,
  LabGroupDoneMessage,
  LabMessage,
  LabProgressMessage,
  LabStartedMessage,
} from '../src/lab/lab-protocol.js';
import { LabSession } from '../src/lab/lab-session.js';

const config = parseBatchSizeLabConfig({
  experiment: 'batch-size',
  n: 20,
  valN: 10,
  epochs: 12,
  seeds: 2,
  batchSizes: [1, 5, 'full'],
  noiseEvery: 4,
  seed: 3,
});

/** A session whose messages are recorded, with a way to wait for one. */
function recordedSession() {
  const messages: LabMessage[] = [];
  const waiters: { test: (m: LabMessage) => boolean; resolve: (m: LabMessage) => void }[] = [];
  const session = new LabSession((message) => {
    messages.push(message);
    for (const waiter of [...waiters]) {
      if (waiter.test(message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  });
  const next = (test: (m: LabMessage) => boolean) => {
    const seen = messages.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise<LabMessage>((resolve) => waiters.push({ test, resolve }));
  };
  return { session, messages, next };
}

describe('LabSession (the lab worker protocol)', () => {
  it('posts started, progress, one group-done per batch size, then done, like runBatchSizeLab', async () => {
    const { session, messages } = recordedSession();
    await session.handle({
      type: 'start',
      runId: 7,
      config,
      backend: 'cpu',
      progressIntervalMs: 0,
    });

    expect(messages.every((m) => m.runId === 7)).toBe(true);
    expect(messages[0]?.type).toBe('started');
    expect(messages.at(-1)?.type).toBe('done');
    const started = messages[0] as LabStartedMessage;
    expect(started.backend.name).toBe('cpu');
    expect(started.data.train.x).toHaveLength(20);
    expect(started.data.validation?.x).toHaveLength(10);
    expect(started.groups.map((g) => [g.label, g.batchSize, g.stepsPerEpoch])).toEqual([
      ['1', 1, 20],
      ['5', 5, 4],
      ['full (20)', 20, 1],
    ]);

    const kinds = messages.map((m) => m.type);
    const groupDone = messages.filter((m): m is LabGroupDoneMessage => m.type === 'group-done');
    expect(groupDone.map((m) => m.group)).toEqual([0, 1, 2]);
    // Progress for a batch size comes before its group-done, and names it.
    const progress = messages.filter((m): m is LabProgressMessage => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(2);
    for (const message of progress) {
      expect(message.epochs).toBe(12);
      const index = messages.indexOf(message);
      const done = kinds.indexOf('group-done', index);
      expect((messages[done] as LabGroupDoneMessage).group).toBe(message.group);
    }

    const done = messages.at(-1) as LabDoneMessage;
    expect(done.result.status).toBe('completed');
    expect(done.result.groups).toHaveLength(3);
    expect(done.result.groups.map((g) => g.runs.length)).toEqual([2, 2, 2]);
    expect(groupDone.map((m) => m.result)).toEqual(done.result.groups);

    // The same numbers as the lab run on its own (timings aside).
    const reference = await runBatchSizeLab(config, { backend: 'cpu' });
    const numbers = (groups: typeof reference.groups) =>
      groups.map((g) => ({ train: g.train, val: g.val, noise: g.noise, runs: g.runs }));
    expect(numbers(done.result.groups)).toEqual(numbers(reference.groups));
    // Messages cross a worker boundary: they must survive structured cloning.
    expect(structuredClone(done)).toEqual(done);
  });

  it('stop ends the lab early with status aborted, and a new start replaces a running lab', async () => {
    const long = { ...config, epochs: 100000, seeds: 1, noiseEvery: 1000 };
    const { session, messages, next } = recordedSession();
    const first = session.handle({ type: 'start', runId: 1, config: long, backend: 'cpu' });
    await next((m) => m.type === 'started');
    await session.handle({ type: 'stop' });
    await first;
    const done = messages.find((m): m is LabDoneMessage => m.type === 'done');
    expect(done?.result.status).toBe('aborted');
    expect(done?.result.groups.length).toBeLessThan(3);

    const second = session.handle({ type: 'start', runId: 2, config: long, backend: 'cpu' });
    await next((m) => m.type === 'started' && m.runId === 2);
    const third = session.handle({ type: 'start', runId: 3, config, backend: 'cpu' });
    await Promise.all([second, third]);
    const ends = messages
      .filter((m) => m.type === 'done')
      .map((m) => [m.runId, (m as LabDoneMessage).result.status]);
    expect(ends).toEqual([
      [1, 'aborted'],
      [2, 'aborted'],
      [3, 'completed'],
    ]);
  });

  it('reports a config the lab rejects as an error message, and leaks no tensors', async () => {
    const { session, messages } = recordedSession();
    const before = countTensors();
    await session.handle({
      type: 'start',
      runId: 4,
      config: { ...config, batchSizes: [50] },
      backend: 'cpu',
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ type: 'error', runId: 4 });
    expect((messages[0] as { message: string }).message).toMatch(
      /batchSizes\[0\] must be at most n/,
    );
    await session.handle({ type: 'start', runId: 5, config, backend: 'cpu' });
    await session.handle({ type: 'start', runId: 6, config, backend: 'cpu' });
    const done = messages.filter((m): m is LabDoneMessage => m.type === 'done');
    expect(done.map((m) => m.tensorsAfter)).toEqual([before, before]);
  });
});
