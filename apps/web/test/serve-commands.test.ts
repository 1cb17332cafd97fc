import { describe, expect, it, vi } from 'vitest';
import { type FailedRunMessage, serveCommands } from '../src/worker/serve-commands.js';

type Command = { type: 'start'; runId: number } | { type: 'stop' };

/** A worker's global scope that records what the worker posts. */
function fakeScope() {
  const posted: FailedRunMessage[] = [];
  let listener: ((event: MessageEvent<Command>) => void) | undefined;
  return {
    posted,
    scope: {
      postMessage: (message: FailedRunMessage) => posted.push(message),
      addEventListener: (_: 'message', handle: (event: MessageEvent<Command>) => void) => {
        listener = handle;
      },
    },
    send: (command: Command) => listener?.(new MessageEvent('message', { data: command })),
  };
}

describe('serveCommands', () => {
  it("turns a start command's thrown error into one error message for its run", async () => {
    const { posted, scope, send } = fakeScope();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    serveCommands<Command, never>(scope, async (command) => {
      if (command.type === 'start') throw new Error('backend wasm failed to start');
      throw 'not an Error';
    });
    send({ type: 'start', runId: 7 });
    send({ type: 'stop' }); // no run waits for a stop: logged, not posted
    await vi.waitFor(() => expect(log).toHaveBeenCalledTimes(2));
    expect(posted).toEqual([{ type: 'error', runId: 7, message: 'backend wasm failed to start' }]);
    log.mockRestore();
  });
});
