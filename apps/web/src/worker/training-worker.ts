/**
 * The Web Worker that trains: it receives `WorkerCommand`s and answers with
 * `WorkerMessage`s (see protocol.ts), so the page never blocks on training.
 */
import type { WorkerCommand, WorkerMessage } from './protocol.js';
import { type CommandScope, serveCommands } from './serve-commands.js';
import { TrainingSession } from './training-session.js';

const scope = self as unknown as CommandScope<WorkerCommand, WorkerMessage>;
const session = new TrainingSession((message, transfer) =>
  scope.postMessage(message, transfer ?? []),
);
serveCommands(scope, (command) => session.handle(command));
