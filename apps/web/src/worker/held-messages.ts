import type { CommandScope } from './serve-commands.js';

/** A worker's global scope as `holdMessages` uses it. */
export interface HoldingScope<Command, Message> extends CommandScope<Command, Message> {
  removeEventListener(type: 'message', listener: (event: MessageEvent<Command>) => void): void;
}

/**
 * Keeps the messages that reach the worker before the module serving them
 * has loaded (page-worker.ts loads it with a dynamic import, and a message
 * with no listener yet is lost), and hands them, in order, to the first
 * listener added to the returned scope, before any later message. Each held
 * message gets a task of its own, as the browser's own delivery gives it, so
 * what a command starts (a run's first awaits) settles before the next
 * command (a step) arrives. The page can post its first commands as soon as
 * it creates the worker.
 */
export function holdMessages<Command, Message>(
  scope: HoldingScope<Command, Message>,
): CommandScope<Command, Message> {
  const held: MessageEvent<Command>[] = [];
  const hold = (event: MessageEvent<Command>) => {
    held.push(event);
  };
  scope.addEventListener('message', hold);
  return {
    postMessage: (message, transfer) => scope.postMessage(message, transfer ?? []),
    addEventListener(type, listener) {
      // Messages arriving while the held ones are handed over join the queue, keeping the order.
      const handOver = () => {
        const next = held.shift();
        if (next === undefined) {
          scope.removeEventListener('message', hold);
          scope.addEventListener(type, listener);
          return;
        }
        listener(next);
        setTimeout(handOver);
      };
      handOver();
    },
  };
}
