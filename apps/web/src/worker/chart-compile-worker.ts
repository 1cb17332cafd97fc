/**
 * The charts' part of the worker (see page-worker.ts): compiles each page's
 * Vega-Lite specs to Vega specs (`compileLiveChart`), so the pages load only
 * the Vega runtime, never Vega-Lite's compiler, and compiling never blocks them.
 */
import { compileLiveChart } from '@epochlab/plot/compile';
import type { CompileChartCommand, CompileChartMessage } from './chart-compile-protocol.js';
import type { CommandScope } from './serve-commands.js';

/** Serves `compile` commands arriving on `scope`, each answered with its own id. */
export function serve(scope: CommandScope<CompileChartCommand, CompileChartMessage>): void {
  scope.addEventListener('message', ({ data: { id, spec } }) => {
    try {
      scope.postMessage({ type: 'compiled', id, chart: compileLiveChart(spec) });
    } catch (error) {
      scope.postMessage({
        type: 'error',
        id,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  });
}
