/**
 * The batch-size lab's part of the worker (see worker/page-worker.ts): it
 * receives `LabCommand`s and answers with `LabMessage`s (see lab-protocol.ts),
 * so the page never blocks.
 */
import { type CommandScope, serveCommands } from '../worker/serve-commands.js';
import type { LabCommand, LabMessage } from './lab-protocol.js';
import { LabSession } from './lab-session.js';

/** Serves the lab page's commands arriving on `scope`. */
export function serve(scope: CommandScope<LabCommand, LabMessage>): void {
  const session = new LabSession((message) => scope.postMessage(message));
  serveCommands(scope, (command) => session.handle(command));
}
