import type { View } from 'vega';
import type { ChartSpec } from '../chart-types.js';
import { ChartInputError } from '../errors.js';
import type { CompiledLiveChart } from '../spec/compile-live-chart.js';
import { type ChartRow, UpdateQueue } from './update-queue.js';
import { changeset, parse, registerChartTransforms, View as VegaView } from './vega-runtime.js';

export interface LiveChartOptions {
  /** Vega renderer. Default `'canvas'` (cheapest to redraw often). */
  renderer?: 'canvas' | 'svg';
  /**
   * Runs a batch of queued updates later. Default `requestAnimationFrame`
   * (so at most one render per frame, none while the tab is hidden), or a 16 ms
   * timer where there is none.
   */
  scheduleFrame?: (callback: () => void) => void;
  /** Called when a scheduled batch fails. Default `console.error`. */
  onError?: (error: unknown) => void;
  /**
   * Turns the Vega-Lite spec into the Vega spec the chart runs, e.g. by asking
   * a worker that runs `compileLiveChart` (`@epochlab/plot/compile`). Default:
   * `compileLiveChart` here, with Vega-Lite loaded on the first call (its own
   * chunk in a bundle), so a page that compiles elsewhere never loads it.
   */
  compile?: (spec: ChartSpec) => CompiledLiveChart | Promise<CompiledLiveChart>;
}

/**
 * A chart that takes new data while training runs. Calls only queue rows; the
 * queued rows reach Vega as one changeset per dataset at the next frame, and
 * Vega re-evaluates only what depends on them (scales, the best-epoch marker)
 * instead of rebuilding the chart.
 */
export interface LiveChart {
  /** The Vega view, for anything else (signals, listeners, `toImageURL`). */
  readonly view: View;
  /** Adds rows after the dataset's current rows (e.g. `lossChartData.train`, `[{ epoch, loss }]`). */
  append(dataset: string, rows: readonly ChartRow[]): void;
  /** Replaces every row of the dataset (e.g. the model curve after an epoch). */
  replace(dataset: string, rows: readonly ChartRow[]): void;
  /** Applies what is queued now and resolves once the view has re-rendered. */
  flush(): Promise<void>;
  /** Stops updates and releases the view's listeners and timers. */
  finalize(): void;
}

/**
 * Renders `spec` into `container` (an element or a CSS selector) and returns a
 * handle that updates it many times a second. Dataset names are the spec's
 * `datasets` keys (`fitChartData`, `lossChartData` for the built-in charts).
 */
export async function createLiveChart(
  container: HTMLElement | string,
  spec: ChartSpec,
  options: LiveChartOptions = {},
): Promise<LiveChart> {
  const compiled = await (options.compile ?? compileHere)(spec);
  registerChartTransforms();
  const view = new VegaView(parse(compiled.vega), {
    renderer: options.renderer ?? 'canvas',
    container,
    hover: true,
  });
  await view.runAsync();
  return liveUpdates(view, compiled.datasets, options);
}

/** `compileLiveChart` on this thread, Vega-Lite loaded with the first chart that needs it. */
async function compileHere(spec: ChartSpec): Promise<CompiledLiveChart> {
  const { compileLiveChart } = await import('../spec/compile-live-chart.js');
  return compileLiveChart(spec);
}

/**
 * The update logic of `createLiveChart` for a view made elsewhere (e.g. by
 * vega-embed, or headless in tests): `spec` is the Vega-Lite spec the view was
 * compiled from; its `datasets` names are the ones that can be updated.
 */
export function attachLiveUpdates(
  view: View,
  spec: ChartSpec,
  options: Pick<LiveChartOptions, 'scheduleFrame' | 'onError'> = {},
): LiveChart {
  return liveUpdates(view, Object.keys(spec.datasets ?? {}), options);
}

/** The live chart's handle on `view`, whose datasets named `datasetNames` take updates. */
function liveUpdates(
  view: View,
  datasetNames: readonly string[],
  options: Pick<LiveChartOptions, 'scheduleFrame' | 'onError'>,
): LiveChart {
  const datasets = new Set(datasetNames);
  const scheduleFrame = options.scheduleFrame ?? defaultScheduleFrame;
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  const queue = new UpdateQueue();
  let frameRequested = false;
  let finalized = false;
  let running: Promise<void> = Promise.resolve();

  const checkUpdate = (dataset: string, rows: readonly ChartRow[]) => {
    if (!datasets.has(dataset)) {
      throw new ChartInputError('dataset', `one of ${[...datasets].join(', ')}`, dataset);
    }
    if (!Array.isArray(rows)) throw new ChartInputError('rows', 'an array of rows', rows);
  };

  const apply = async () => {
    if (finalized || queue.isEmpty) return;
    for (const update of queue.take()) {
      const change = changeset();
      if (update.replace) change.remove(() => true);
      view.change(update.dataset, change.insert(update.insert));
    }
    await view.runAsync();
  };

  const flush = (): Promise<void> => {
    running = running.then(apply, apply);
    return running;
  };

  const requestFrame = () => {
    if (frameRequested || finalized) return;
    frameRequested = true;
    scheduleFrame(() => {
      frameRequested = false;
      flush().catch(onError);
    });
  };

  return {
    view,
    append(dataset, rows) {
      checkUpdate(dataset, rows);
      queue.append(dataset, rows);
      requestFrame();
    },
    replace(dataset, rows) {
      checkUpdate(dataset, rows);
      queue.replace(dataset, rows);
      requestFrame();
    },
    flush,
    finalize() {
      finalized = true;
      view.finalize();
    },
  };
}

function defaultScheduleFrame(callback: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => callback());
  else setTimeout(callback, 16);
}
