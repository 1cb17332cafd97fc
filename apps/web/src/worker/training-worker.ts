/**
 * The Web Worker that trains: it receives `WorkerCommand`s and answers with
 * `WorkerMessage`s (see protocol.ts), so the page never blocks on training.
 */
import type { WorkerCommand, WorkerMessage } from './protocol.js';
import { TrainingSession } from './training-session.js';

interface WorkerScope {
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerCommand>) => void): void;
}

const scope = self as unknown as WorkerScope;
const session = new TrainingSession((message, transfer) =>
  scope.postMessage(message, transfer ?? []),
);

scope.addEventListener('message', (event) => {
  session.handle(event.data).catch((error: unknown) => {
    // A failure outside a run's own error handling still reaches the page, which
    // leaves its "running" state; the run id tells it which run failed.
    console.error(error);
    if (event.data.type !== 'start') return;
    scope.postMessage({
      type: 'error',
      runId: event.data.runId,
      message: error instanceof Error ? error.message : String(error),
    });
  });
});
