type Resume = () => void;

let channel: MessageChannel | undefined;
const waiting: Resume[] = [];

function yieldThroughMessageChannel(): Promise<void> {
  if (channel === undefined) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
    // Where ports can keep a process alive (Node, Deno), this one must not.
    (channel.port1 as Partial<{ unref(): void }>).unref?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(undefined);
  });
}

/**
 * Resolves after the event loop has had a turn, so that pending I/O, a
 * Ctrl-C handler or a message from a UI can run.
 *
 * Node: `setImmediate` (runs right after the I/O poll). Browsers and workers: a
 * `MessageChannel` message (a new task, not clamped). `setTimeout(0)` is
 * only the last resort: browsers clamp it to 4 ms once nested.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof globalThis.setImmediate === 'function') {
    return new Promise((resolve) => globalThis.setImmediate(resolve));
  }
  if (typeof globalThis.MessageChannel === 'function') return yieldThroughMessageChannel();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
