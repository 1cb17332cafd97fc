/**
 * The hardware page's part of the worker (see worker/page-worker.ts): it times
 * training against batch size on the browser's backends
 * (`runBatchSizeHardware`); each measurement trains for its seconds, which
 * must not block the page.
 */
import { runBatchSizeHardware } from '@epochlab/experiments';
import type { CommandScope } from '../worker/serve-commands.js';
import type { HardwareCommand, HardwareMessage } from './hardware-protocol.js';

/** Serves the hardware page's commands arriving on `scope`. */
export function serve(scope: CommandScope<HardwareCommand, HardwareMessage>): void {
  let current: { runId: number; stop: AbortController } | undefined;

  scope.addEventListener('message', (event) => {
    const command = event.data;
    if (command.type === 'stop') {
      if (current?.runId === command.runId) current.stop.abort();
      return;
    }
    const { runId, config, backends, wasmPaths } = command;
    const stop = new AbortController();
    current = { runId, stop };
    runBatchSizeHardware(config, {
      backends,
      backendOptions: { wasmPaths },
      signal: stop.signal,
      onEvent: (cellEvent) =>
        scope.postMessage({
          type: 'cell',
          runId,
          done: cellEvent.done,
          total: cellEvent.total,
          cell: cellEvent.cell,
        }),
    })
      .then((result) =>
        scope.postMessage({
          type: 'done',
          runId,
          status: result.status,
          unavailable: result.unavailable,
          knees: result.knees,
        }),
      )
      .catch((error: unknown) =>
        scope.postMessage({
          type: 'error',
          runId,
          message: error instanceof Error ? error.message : String(error),
        }),
      );
  });
}
