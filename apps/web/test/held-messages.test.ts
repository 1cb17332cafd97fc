import { describe, expect, it, vi } from 'vitest';
import { holdMessages } from '../src/worker/held-messages.js';

/** A worker's global scope: an EventTarget the test delivers messages to, recording what is posted. */
class FakeScope extends EventTarget {
  readonly posted: unknown[] = [];
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  deliver(data: string): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

describe('holdMessages', () => {
  it('hands messages that came before the listener to it in order, then the later ones', async () => {
    const worker = new FakeScope();
    const scope = holdMessages<string, string>(worker as never);
    worker.deliver('start 1');
    worker.deliver('pause');
    const seen: string[] = [];
    scope.addEventListener('message', (event) => seen.push(event.data));
    worker.deliver('resume'); // while the held ones are handed over: after them
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    expect(seen).toEqual(['start 1', 'pause', 'resume']);
    worker.deliver('stop');
    expect(seen).toEqual(['start 1', 'pause', 'resume', 'stop']);
  });

  it('lets what a held command started settle before the next one arrives', async () => {
    const worker = new FakeScope();
    const scope = holdMessages<string, string>(worker as never);
    worker.deliver('start');
    worker.deliver('step');
    let running = false;
    const stepsSeen: boolean[] = [];
    scope.addEventListener('message', (event) => {
      if (event.data === 'start') {
        // A run becomes active after an await, as TrainingSession's does.
        void Promise.resolve().then(() => {
          running = true;
        });
      } else stepsSeen.push(running);
    });
    await vi.waitFor(() => expect(stepsSeen).toHaveLength(1));
    expect(stepsSeen).toEqual([true]);
  });

  it('passes messages straight through once nothing is held', () => {
    const worker = new FakeScope();
    const scope = holdMessages<string, string>(worker as never);
    const seen: string[] = [];
    scope.addEventListener('message', (event) => seen.push(event.data));
    worker.deliver('start 1');
    expect(seen).toEqual(['start 1']);
  });

  it('posts through to the worker scope', () => {
    const worker = new FakeScope();
    holdMessages<string, string>(worker as never).postMessage('ready');
    expect(worker.posted).toEqual(['ready']);
  });
});
