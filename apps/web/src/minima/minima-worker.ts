/**
 * The local-minima page's part of the worker (see worker/page-worker.ts): it
 * runs the study (`runLocalMinima`), whose grid of runs takes seconds of
 * arithmetic, which must not block the page.
 */
import {
  drawnPaths,
  localMinimaRow,
  localMinimaSummary,
  runLocalMinima,
  sineSurface,
  sineSurfaceArea,
} from '@epochlab/experiments';
import { type CommandScope, serveCommands } from '../worker/serve-commands.js';
import type { MinimaMessage, MinimaStart } from './minima-protocol.js';

/** Serves the local-minima page's commands arriving on `scope`. */
export function serve(scope: CommandScope<MinimaStart, MinimaMessage>): void {
  serveCommands(scope, async ({ runId, config }) => {
    const result = await runLocalMinima(config, {
      onEvent: (cellEvent) =>
        scope.postMessage({
          type: 'cell',
          runId,
          done: cellEvent.done,
          total: cellEvent.total,
          row: localMinimaRow(cellEvent.cell),
        }),
    });
    const paths = drawnPaths(result);
    const surface = sineSurface(result.points, sineSurfaceArea(paths.flatMap((p) => p.points)));
    scope.postMessage({
      type: 'done',
      runId,
      summary: localMinimaSummary(result),
      surface,
      paths,
    });
  });
}
