import { afterEach, describe, expect, it, vi } from 'vitest';
import { yieldToEventLoop } from '../src/scheduling/yield-to-event-loop.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('yieldToEventLoop', () => {
  it('lets pending I/O callbacks and timers run (setImmediate in Node)', async () => {
    let timerRan = false;
    setTimeout(() => {
      timerRan = true;
    }, 0);
    const start = performance.now();
    while (performance.now() - start < 5) {
      // let the timer become due
    }
    await yieldToEventLoop();
    await yieldToEventLoop();
    expect(timerRan).toBe(true);
  });

  it('falls back to a MessageChannel where there is no setImmediate (browsers)', async () => {
    vi.stubGlobal('setImmediate', undefined);
    const order: string[] = [];
    queueMicrotask(() => order.push('microtask'));
    await yieldToEventLoop();
    order.push('after yield');
    await Promise.all([yieldToEventLoop(), yieldToEventLoop()]);
    expect(order).toEqual(['microtask', 'after yield']);
  });

  it('costs little: 1000 yields take well under a second', async () => {
    const start = performance.now();
    for (let i = 0; i < 1000; i++) await yieldToEventLoop();
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
