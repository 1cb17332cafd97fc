/**
 * The Web Worker that runs the batch-size lab: it receives `LabCommand`s and
 * answers with `LabMessage`s (see lab-protocol.ts), so the page never blocks.
 */
import { type CommandScope, serveCommands } from '../worker/serve-commands.js';
import type { LabCommand, LabMessage } from './lab-protocol.js';
import { LabSession } from './lab-session.js';

const scope = self as unknown as CommandScope<LabCommand, LabMessage>;
const session = new LabSession((message) => scope.postMessage(message));
serveCommands(scope, (command) => session.handle(command));
