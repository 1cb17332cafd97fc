/**
 * The Web Worker that runs the batch-size lab: it receives `LabCommand`s and
 * answers with `LabMessage`s (see lab-protocol.ts), so the page never blocks.
 */
import type { LabCommand, LabMessage } from './lab-protocol.js';
import { LabSession } from './lab-session.js';

interface WorkerScope {
  postMessage(message: LabMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<LabCommand>) => void): void;
}

const scope = self as unknown as WorkerScope;
const session = new LabSession((message) => scope.postMessage(message));

scope.addEventListener('message', (event) => {
  session.handle(event.data).catch((error: unknown) => {
    // A failure outside a lab's own error handling still reaches the page, which
    // leaves its "running" state; the run id tells it which lab failed.
    console.error(error);
    if (event.data.type !== 'start') return;
    scope.postMessage({
      type: 'error',
      runId: event.data.runId,
      message: error instanceof Error ? error.message : String(error),
    });
  });
});
