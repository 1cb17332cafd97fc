/**
 * The worker side every page's worker shares: a failure becomes one `error`
 * message for its run (the page shows its failed status), and a command's
 * handler that throws outside a run's own handling still reaches the page.
 */

/** How a worker reports a run that failed: the page leaves its running state and says why. */
export interface FailedRunMessage {
  readonly type: 'error';
  readonly runId: number;
  readonly message: string;
}

/** The `error` message for `runId`, worded from whatever was thrown. */
export function failedRunMessage(runId: number, error: unknown): FailedRunMessage {
  return { type: 'error', runId, message: error instanceof Error ? error.message : String(error) };
}

/** The part of a worker's global scope this module uses (`self` in a worker). */
export interface CommandScope<Command, Message> {
  postMessage(message: Message, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Command>) => void): void;
}

/**
 * Hands each command the page sends to `handle`; when handling a `start`
 * command fails outside the run's own error handling, the page still gets
 * the run's `error` message (other commands only log: no run is waiting).
 */
export function serveCommands<
  Command extends { readonly type: string; readonly runId?: number },
  Message,
>(
  scope: CommandScope<Command, Message | FailedRunMessage>,
  handle: (command: Command) => Promise<void>,
): void {
  scope.addEventListener('message', (event) => {
    const command = event.data;
    handle(command).catch((error: unknown) => {
      console.error(error);
      if (command.type !== 'start' || command.runId === undefined) return;
      scope.postMessage(failedRunMessage(command.runId, error));
    });
  });
}
