/**
 * The Web Worker that runs the local-minima study (`runLocalMinima`): the
 * grid's runs take seconds of arithmetic, which must not block the page.
 */
import {
  drawnPaths,
  localMinimaRow,
  localMinimaSummary,
  runLocalMinima,
  sineSurface,
  sineSurfaceArea,
} from '@epochlab/experiments';
import type { MinimaMessage, MinimaStart } from './minima-protocol.js';

interface WorkerScope {
  postMessage(message: MinimaMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<MinimaStart>) => void): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  const { runId, config } = event.data;
  runLocalMinima(config, {
    onEvent: (cellEvent) =>
      scope.postMessage({
        type: 'cell',
        runId,
        done: cellEvent.done,
        total: cellEvent.total,
        row: localMinimaRow(cellEvent.cell),
      }),
  })
    .then((result) => {
      const paths = drawnPaths(result);
      const surface = sineSurface(result.points, sineSurfaceArea(paths.flatMap((p) => p.points)));
      scope.postMessage({
        type: 'done',
        runId,
        summary: localMinimaSummary(result),
        surface,
        paths,
      });
    })
    .catch((error: unknown) => {
      scope.postMessage({
        type: 'error',
        runId,
        message: error instanceof Error ? error.message : String(error),
      });
    });
});
