// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { WorkerSession } from '../src/ui/worker-session.js';

type Command = { type: 'start'; runId: number } | { type: 'stop' };
type Message =
  | { type: 'progress'; runId: number; epoch: number }
  | { type: 'paused' | 'resumed'; runId: number }
  | { type: 'error'; runId: number; message: string };

/**
 * A stand-in for a browser Worker: records the commands it is sent and lets
 * the test deliver messages and failures as the browser would.
 */
class FakeWorker extends EventTarget {
  readonly posted: Command[] = [];
  terminated = false;
  postMessage(command: Command): void {
    this.posted.push(command);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: Message): void {
    this.dispatchEvent(new MessageEvent('message', { data: message }));
  }
  crash(reason: string): void {
    this.dispatchEvent(new ErrorEvent('error', { message: reason, cancelable: true }));
  }
}

function fakeSession() {
  const workers: FakeWorker[] = [];
  const seen: string[] = [];
  const failures: string[] = [];
  const session = new WorkerSession<Command, Message>(
    () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    },
    {
      progress: (message) => seen.push(`progress ${message.runId}:${message.epoch}`),
      paused: (message) => seen.push(`${message.type} ${message.runId}`),
      resumed: (message) => seen.push(`${message.type} ${message.runId}`),
      error: (message) => seen.push(`error ${message.runId}: ${message.message}`),
    },
    (reason) => failures.push(reason),
  );
  return { session, workers, seen, failures };
}

describe('WorkerSession', () => {
  it('numbers each run and routes its messages to the handler of their type', () => {
    const { session, workers, seen } = fakeSession();
    expect(session.start((runId) => ({ type: 'start', runId }))).toBe(1);
    const worker = workers[0] as FakeWorker;
    worker.reply({ type: 'progress', runId: 1, epoch: 4 });
    worker.reply({ type: 'paused', runId: 1 });
    worker.reply({ type: 'resumed', runId: 1 });
    worker.reply({ type: 'error', runId: 1, message: 'diverged' });
    expect(seen).toEqual(['progress 1:4', 'paused 1', 'resumed 1', 'error 1: diverged']);
    expect(worker.posted).toEqual([{ type: 'start', runId: 1 }]);
  });

  it('drops the messages of a run that was replaced or abandoned', () => {
    const { session, workers, seen } = fakeSession();
    session.start((runId) => ({ type: 'start', runId }));
    session.start((runId) => ({ type: 'start', runId }));
    const worker = workers[0] as FakeWorker;
    worker.reply({ type: 'progress', runId: 1, epoch: 9 }); // the first run, still draining
    worker.reply({ type: 'progress', runId: 2, epoch: 0 });
    session.abandon();
    worker.reply({ type: 'progress', runId: 2, epoch: 1 });
    expect(seen).toEqual(['progress 2:0']);
    expect(session.currentRunId).toBe(3);
  });

  it('reports a worker that fails as a whole once, then starts a fresh worker on the next command', () => {
    const { session, workers, seen, failures } = fakeSession();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    session.start((runId) => ({ type: 'start', runId }));
    const first = workers[0] as FakeWorker;
    first.crash('worker script failed to load');
    first.crash('again'); // a dead worker is not reported twice
    expect(failures).toEqual(['worker script failed to load']);
    expect(first.terminated).toBe(true);
    first.reply({ type: 'progress', runId: 1, epoch: 3 }); // late message from the dead worker
    expect(seen).toEqual([]);

    session.start((runId) => ({ type: 'start', runId }));
    expect(workers).toHaveLength(2);
    const second = workers[1] as FakeWorker;
    expect(second.posted).toEqual([{ type: 'start', runId: 2 }]);
    second.reply({ type: 'progress', runId: 2, epoch: 0 });
    expect(seen).toEqual(['progress 2:0']);
    log.mockRestore();
  });

  it('terminates the worker and its run; the next command restarts it', () => {
    const { session, workers, seen, failures } = fakeSession();
    session.start((runId) => ({ type: 'start', runId }));
    session.terminate();
    const first = workers[0] as FakeWorker;
    expect(first.terminated).toBe(true);
    first.reply({ type: 'progress', runId: 1, epoch: 5 });
    session.send({ type: 'stop' });
    expect(workers).toHaveLength(2);
    expect((workers[1] as FakeWorker).posted).toEqual([{ type: 'stop' }]);
    expect(seen).toEqual([]);
    expect(failures).toEqual([]);
  });
});
