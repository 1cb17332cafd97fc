/**
 * The main page's part of the worker (see page-worker.ts): it trains. It
 * receives `WorkerCommand`s and answers with `WorkerMessage`s (see
 * protocol.ts), so the page never blocks on training.
 */
import type { WorkerCommand, WorkerMessage } from './protocol.js';
import { type CommandScope, serveCommands } from './serve-commands.js';
import { TrainingSession } from './training-session.js';

/** Serves the training page's commands arriving on `scope`. */
export function serve(scope: CommandScope<WorkerCommand, WorkerMessage>): void {
  const session = new TrainingSession((message, transfer) =>
    scope.postMessage(message, transfer ?? []),
  );
  serveCommands(scope, (command) => session.handle(command));
}
