import {
  type ChartSpec,
  fitChart,
  fitChartData,
  type LossHistory,
  lossChart,
  lossChartData,
  reduceSeries,
} from '@epochlab/plot';
import type { LiveChart } from '@epochlab/plot/browser';
import { withChartLocale } from '../i18n/chart-locale.js';
import { fill, type Messages } from '../i18n/messages.js';
import { pluralForm } from '../i18n/plural-text.js';
import { compileChartInWorker } from '../worker/chart-compiler.js';
import type { DataPoints } from '../worker/data-points.js';
import type { EpochLoss, StartedMessage, XY } from '../worker/protocol.js';
import { withDrawingFrame } from './drawing-frame.js';
import { formatCount } from './format.js';
import { legendBelow } from './legend-below.js';
import { nextFrame } from './next-frame.js';

type LiveChartModule = typeof import('@epochlab/plot/browser');

/**
 * The Vega runtime (`@epochlab/plot/browser`), loaded with the first chart:
 * a large part of the page's script, which need not hold up the form and Train.
 */
function loadLiveCharts(): Promise<LiveChartModule> {
  return import('@epochlab/plot/browser');
}

/** Most points per loss series the live chart draws (the full history is kept for downloads). */
const LIVE_LOSS_POINTS = 600;

const EMPTY: XY = { x: [], y: [] };
const EMPTY_WITH_VALIDATION: DataPoints = { train: EMPTY, validation: EMPTY, truth: EMPTY };
const EMPTY_WITHOUT_VALIDATION: DataPoints = { train: EMPTY, validation: undefined, truth: EMPTY };
const emptyData = (hasValidation: boolean) =>
  hasValidation ? EMPTY_WITH_VALIDATION : EMPTY_WITHOUT_VALIDATION;

const lossRow = (point: EpochLoss) => ({ epoch: point.epoch, loss: point.loss });

const rows = (series: XY) => series.x.map((x, i) => ({ x, y: series.y[i] ?? Number.NaN }));

const sameSeries = (a: XY, b: XY) =>
  a === b ||
  (a.x.length === b.x.length &&
    a.y.length === b.y.length &&
    a.x.every((x, i) => Object.is(x, b.x[i])) &&
    a.y.every((y, i) => Object.is(y, b.y[i])));

/** Whether two sets of points are the same numbers (a run's data and the preview of its config). */
function samePoints(a: DataPoints, b: DataPoints): boolean {
  if ((a.validation === undefined) !== (b.validation === undefined)) return false;
  return (
    sameSeries(a.train, b.train) &&
    sameSeries(a.truth, b.truth) &&
    (a.validation === undefined || sameSeries(a.validation, b.validation as XY))
  );
}

/** The model at its best epoch, drawn beside the final model after `epochsRun` epochs. */
export interface BestModelOverlay {
  readonly curve: XY;
  readonly epoch: number;
  readonly epochsRun: number;
}

/**
 * The two live charts: the fit (points, the model's curve moving as it
 * learns, the true function) and the loss (train and validation, best-epoch
 * marker, linear or log). Keeps the run's full loss history; draws a reduced
 * copy of it (min and max per pixel column) so a 20000-epoch run stays cheap.
 */
export class ChartPanel {
  private fit: LiveChart | undefined;
  private loss: LiveChart | undefined;
  private data: DataPoints | undefined;
  private curve: XY = { x: [], y: [] };
  /** Set after a run that kept a best model: the fit chart then draws it (see `finish`). */
  private best: BestModelOverlay | undefined;
  private history = { train: [] as EpochLoss[], val: [] as EpochLoss[] };
  private logScale = false;
  /** Earlier runs drawn faded under the current one, with their legend names. */
  private pinned: readonly { label: string; history: LossHistory }[] = [];
  private rebuilding: Promise<void> = Promise.resolve();
  private trainStride = 1;
  private valStride = 1;
  private lastEpoch = -1;
  private relayout = false;
  /** The user's own points: no true function, and axes framed for drawing. */
  private ownData = false;
  /** One chart redraw per frame: the fit and loss charts take turns (made with the first charts). */
  private frames: ReturnType<LiveChartModule['createFrameScheduler']> | undefined;

  constructor(
    private readonly fitElement: HTMLElement,
    private readonly lossElement: HTMLElement,
    private messages: Messages,
  ) {}

  /** Whether the fit chart is drawn with a validation series. */
  get hasValidation(): boolean {
    return this.data?.validation !== undefined;
  }

  /** The fit chart drawn now (its scales turn pointer positions into data units). */
  get fitView(): LiveChart['view'] | undefined {
    return this.fit?.view;
  }

  /** The loss history received so far. */
  get lossHistory(): { train: readonly EpochLoss[]; val: readonly EpochLoss[] } {
    return this.history;
  }

  /**
   * Draws the charts for the next run ahead of time: the data it will train
   * on (`preview`, drawn on the page from the config) or, without one, empty
   * charts with or without a validation series. Compiling a chart takes a few
   * hundred milliseconds, and Vega's first draw of points into an empty chart
   * tens: neither must happen while training, so starting a run whose data
   * are already shown only swaps in the model's curve.
   */
  prepare(hasValidation: boolean, preview?: DataPoints): Promise<void> {
    const data = preview ?? emptyData(hasValidation);
    const ready =
      this.fit !== undefined &&
      this.best === undefined &&
      (this.data?.validation !== undefined) === (data.validation !== undefined);
    const unchanged = this.data !== undefined && samePoints(this.data, data);
    if (ready && unchanged && this.curve === EMPTY && this.history.train.length === 0) {
      return this.rebuilding;
    }
    this.data = data;
    this.curve = EMPTY;
    this.best = undefined;
    this.history = { train: [], val: [] };
    if (!ready) return this.rebuild();
    if (!unchanged) this.replaceData();
    this.replaceRun();
    return this.rebuilding;
  }

  /**
   * A new run started: shows its data and the untrained model, and an empty
   * loss chart. `epochs` and `valEvery` (the run's config) set how many
   * losses the live chart keeps (see `update`).
   */
  start(started: StartedMessage, epochs: number, valEvery: number): Promise<void> {
    const ready =
      this.fit !== undefined &&
      this.best === undefined &&
      (this.data?.validation !== undefined) === (started.validation !== undefined);
    const data = { train: started.train, validation: started.validation, truth: started.truth };
    const unchanged = this.data !== undefined && samePoints(this.data, data);
    this.data = data;
    this.curve = started.curve;
    this.best = undefined;
    this.history = { train: [], val: [] };
    this.lastEpoch = epochs - 1;
    this.trainStride = Math.max(1, Math.ceil(epochs / LIVE_LOSS_POINTS));
    this.valStride = Math.max(1, Math.ceil(Math.ceil(epochs / valEvery) / LIVE_LOSS_POINTS));
    this.relayout = true;
    if (!ready) return this.rebuild();
    if (!unchanged) this.replaceData();
    this.replaceRun();
    return this.rebuilding;
  }

  /**
   * New epochs and the current curve. The curve is replaced; the loss chart
   * only gets rows appended (every `trainStride`-th epoch, every
   * `valStride`-th validation, and the last epoch), so each update costs the
   * same however long the run: replacing hundreds of rows per frame would
   * block the page for tens of milliseconds. `finish` swaps in the exact
   * reduced history at the end.
   */
  update(train: readonly EpochLoss[], val: readonly EpochLoss[], curve: XY): void {
    const firstVal = this.history.val.length;
    this.history.train.push(...train);
    this.history.val.push(...val);
    this.curve = curve;
    this.fit?.replace(fitChartData.curve, rows(curve));
    if (!this.loss) return;
    const shownTrain = train.filter(
      (point) => point.epoch % this.trainStride === 0 || point.epoch === this.lastEpoch,
    );
    const shownVal = val.filter((_, i) => (firstVal + i) % this.valStride === 0);
    if (this.relayout && shownTrain.length > 0) {
      // The first losses give the axes their labels: let Vega's `fit` layout recompute once.
      this.loss.view.resize();
      this.relayout = false;
    }
    if (shownTrain.length > 0) this.loss.append(lossChartData.train, shownTrain.map(lossRow));
    if (shownVal.length > 0) this.loss.append(lossChartData.val, shownVal.map(lossRow));
  }

  /**
   * The run ended: the loss chart shows the whole history, reduced exactly as
   * `lossChart` does; with `best`, the fit chart is redrawn with the model at
   * its best epoch beside the final one, each named.
   */
  finish(curve: XY, best?: BestModelOverlay): void {
    this.curve = curve;
    this.fit?.replace(fitChartData.curve, rows(curve));
    if (best !== undefined) {
      this.best = best;
      void this.rebuild();
      return;
    }
    if (!this.loss) return;
    this.loss.view.resize();
    this.loss.replace(lossChartData.train, this.reduced(this.history.train));
    this.loss.replace(lossChartData.val, this.reduced(this.history.val));
  }

  /** Draws these earlier runs faded under the next runs' loss curves (see `PinnedRuns`). */
  setPinned(pinned: readonly { label: string; history: LossHistory }[]): Promise<void> {
    this.pinned = pinned;
    return this.rebuild();
  }

  /**
   * Shows the user's own points (the data experiment): the fit chart has no
   * true function and its axes span at least `DRAWING_FRAME`.
   */
  setOwnData(ownData: boolean): Promise<void> {
    if (this.ownData === ownData) return this.rebuilding;
    this.ownData = ownData;
    return this.rebuild();
  }

  /** Switches the loss axis between linear and log. */
  setLogScale(logScale: boolean): Promise<void> {
    this.logScale = logScale;
    return this.rebuild();
  }

  /** Redraws with another language's labels. */
  setMessages(messages: Messages): Promise<void> {
    this.messages = messages;
    return this.rebuild();
  }

  /** Renders now whatever is queued. */
  async flush(): Promise<void> {
    await this.rebuilding;
    await Promise.all([this.fit?.flush(), this.loss?.flush()]);
  }

  /** The chart as an image: a PNG data URL or SVG text. */
  async image(which: 'fit' | 'loss', format: 'png' | 'svg'): Promise<string | undefined> {
    await this.flush();
    const chart = which === 'fit' ? this.fit : this.loss;
    if (!chart) return undefined;
    if (format === 'svg') return chart.view.toSVG();
    return chart.view.toImageURL('png', 2);
  }

  /** Puts the points and the true function of `data` into the fit chart. */
  private replaceData(): void {
    const data = this.data;
    if (!data || !this.fit) return;
    this.fit.replace(fitChartData.train, rows(data.train));
    if (data.validation) this.fit.replace(fitChartData.validation, rows(data.validation));
    if (!this.ownData) this.fit.replace(fitChartData.truth, rows(data.truth));
  }

  /** Puts the current curve and loss history into the charts. */
  private replaceRun(): void {
    if (!this.fit || !this.loss) return;
    this.fit.replace(fitChartData.curve, rows(this.curve));
    this.loss.view.resize();
    this.loss.replace(lossChartData.train, this.reduced(this.history.train));
    this.loss.replace(lossChartData.val, this.reduced(this.history.val));
  }

  private reduced(points: readonly EpochLoss[]): { epoch: number; loss: number }[] {
    const input = points.map((point) => ({ x: point.epoch, y: point.loss }));
    return reduceSeries(input, LIVE_LOSS_POINTS).map((point) => ({
      epoch: point.x,
      loss: point.y,
    }));
  }

  /** The legend names of the final and the best model, in the page's language and number format. */
  private modelLabels(): { model: string; bestModel: string } | undefined {
    if (this.best === undefined) return undefined;
    const { chartLabels, locale } = this.messages;
    return {
      model: fill(pluralForm(chartLabels.finalModel, this.best.epochsRun, locale), {
        epochs: formatCount(this.best.epochsRun, locale),
      }),
      bestModel: fill(chartLabels.bestModel, { epoch: formatCount(this.best.epoch, locale) }),
    };
  }

  private rebuild(): Promise<void> {
    this.rebuilding = this.rebuilding
      .then(() => this.draw())
      .catch((error: unknown) => {
        console.error(error);
      });
    return this.rebuilding;
  }

  private async draw(): Promise<void> {
    const data = this.data;
    if (!data) return;
    const width = chartWidth(this.fitElement);
    const height = Math.round(Math.min(360, Math.max(220, width * 0.6)));
    // Under a phone's fit chart its legend takes a row per model and set of points: room for them.
    const fitHeight = width < PHONE_CHART ? Math.round(Math.max(height, width * 0.95)) : height;
    const fitChartSpec = fitChart({
      train: data.train,
      ...(data.validation ? { validation: data.validation } : {}),
      curve: this.curve,
      ...(this.best ? { bestCurve: this.best.curve } : {}),
      ...(this.ownData ? {} : { truth: data.truth }),
      width,
      height: fitHeight,
      labels: { ...this.messages.chartLabels.fit, ...this.modelLabels() },
    });
    const fitSpec = this.ownData ? withDrawingFrame(fitChartSpec) : fitChartSpec;
    const lossSpec = lossChart({
      history: { train: this.reduced(this.history.train), val: this.reduced(this.history.val) },
      logScale: this.logScale,
      pinned: this.pinned,
      maxPointsPerSeries: LIVE_LOSS_POINTS,
      width,
      height,
      labels: {
        ...this.messages.chartLabels.loss,
        // A phone has no room for the long note beside the marker.
        ...(width < NARROW_CHART ? { bestValidation: this.messages.chartLabels.bestShort } : {}),
      },
    });
    // Drawn off-page, then swapped in, so a chart never flashes empty.
    const fitTarget = document.createElement('div');
    const lossTarget = document.createElement('div');
    const narrow = width < NARROW_CHART;
    const localized = (spec: ChartSpec) =>
      withChartLocale(narrow ? legendBelow(spec) : spec, this.messages.locale);
    const { createFrameScheduler, createLiveChart } = await loadLiveCharts();
    this.frames ??= createFrameScheduler();
    // Vega-Lite compiles both specs in a worker, at once: the page loads only the Vega runtime.
    const fitCompiled = compileChartInWorker(localized(fitSpec));
    const lossCompiled = compileChartInWorker(localized(lossSpec));
    // Each chart's first draw (tens of milliseconds) and warm-up get frames of their own, so
    // redrawing both at the end of a run never blocks the page for their sum.
    const fit = await createLiveChart(fitTarget, localized(fitSpec), {
      ...this.frames,
      compile: () => fitCompiled,
    });
    await nextFrame();
    // Vega's first draw of axes, legends and lines with data costs several times a later one
    // (code paths run for the first time): pay it here, off-page, not in the first frame of a run.
    await warmUp(fit, fitSpec, FIT_WARM_UP);
    await nextFrame();
    const loss = await createLiveChart(lossTarget, localized(lossSpec), {
      ...this.frames,
      compile: () => lossCompiled,
    });
    await nextFrame();
    await warmUp(loss, lossSpec, LOSS_WARM_UP);
    this.fit?.finalize();
    this.loss?.finalize();
    this.fitElement.replaceChildren(fitTarget);
    this.lossElement.replaceChildren(lossTarget);
    this.fit = fit;
    this.loss = loss;
  }
}

const warmUpLine = (count: number, y: (x: number) => number) =>
  Array.from({ length: count }, (_, i) => {
    const x = -1 + (2 * i) / (count - 1);
    return { x, y: y(x) };
  });

/** Rows like a run's first frames, drawn once off-page by `warmUp`. */
const FIT_WARM_UP: Readonly<Record<string, readonly object[]>> = {
  [fitChartData.train]: warmUpLine(5, (x) => x + 0.1),
  [fitChartData.validation]: warmUpLine(5, (x) => x - 0.1),
  [fitChartData.truth]: warmUpLine(100, (x) => x),
  [fitChartData.curve]: warmUpLine(100, (x) => 0.5 * x),
};
const LOSS_WARM_UP: Readonly<Record<string, readonly object[]>> = {
  [lossChartData.train]: Array.from({ length: 50 }, (_, epoch) => ({
    epoch,
    loss: 1 / (1 + epoch),
  })),
  [lossChartData.val]: Array.from({ length: 5 }, (_, i) => ({ epoch: 10 * i, loss: 1 / (2 + i) })),
};

/**
 * Draws `rows` in a chart not yet on the page, then puts back the rows its
 * spec was made with: the page never shows them.
 */
async function warmUp(
  chart: LiveChart,
  spec: ChartSpec,
  rows: Readonly<Record<string, readonly object[]>>,
): Promise<void> {
  const own = (spec.datasets ?? {}) as Record<string, readonly object[]>;
  for (const [dataset, sample] of Object.entries(rows)) {
    if (dataset in own) chart.replace(dataset, sample as never);
  }
  await chart.flush();
  await nextFrame();
  for (const dataset of Object.keys(rows)) {
    const original = own[dataset];
    if (original) chart.replace(dataset, original as never);
  }
  await chart.flush();
}

/** Below this width (phones) the legend goes under the plot, which keeps the plot wide. */
const NARROW_CHART = 560;

/** Below this chart width the page is a phone's single column. */
const PHONE_CHART = 400;

/** Chart width (axes and legend included) for the container: fits a phone, caps on wide screens. */
function chartWidth(element: HTMLElement): number {
  const available = element.clientWidth || 640;
  return Math.max(280, Math.min(1000, Math.floor(available)));
}
