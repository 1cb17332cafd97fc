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
    console.error(error);
  });
});
