import {
  type ChartSpec,
  fitChart,
  fitChartData,
  lossChart,
  lossChartData,
  reduceSeries,
} from '@epochlab/plot';
import { createLiveChart, type LiveChart } from '@epochlab/plot/browser';
import type { Messages } from '../i18n/messages.js';
import type { EpochLoss, StartedMessage, XY } from '../worker/protocol.js';

/** Most points per loss series the live chart draws (the full history is kept for downloads). */
const LIVE_LOSS_POINTS = 600;

/** The points a fit chart shows besides the model's curve. */
interface ChartData {
  readonly train: XY;
  readonly validation: XY | undefined;
  readonly truth: XY;
}

const EMPTY: XY = { x: [], y: [] };
const EMPTY_WITH_VALIDATION: ChartData = { train: EMPTY, validation: EMPTY, truth: EMPTY };
const EMPTY_WITHOUT_VALIDATION: ChartData = { train: EMPTY, validation: undefined, truth: EMPTY };
const emptyData = (hasValidation: boolean) =>
  hasValidation ? EMPTY_WITH_VALIDATION : EMPTY_WITHOUT_VALIDATION;

const lossRow = (point: EpochLoss) => ({ epoch: point.epoch, loss: point.loss });

const rows = (series: XY) => series.x.map((x, i) => ({ x, y: series.y[i] ?? Number.NaN }));

/**
 * The two live charts: the fit (points, the model's curve moving as it
 * learns, the true function) and the loss (train and validation, best-epoch
 * marker, linear or log). Keeps the run's full loss history; draws a reduced
 * copy of it (min and max per pixel column) so a 20000-epoch run stays cheap.
 */
export class ChartPanel {
  private fit: LiveChart | undefined;
  private loss: LiveChart | undefined;
  private data: ChartData | undefined;
  private curve: XY = { x: [], y: [] };
  private history = { train: [] as EpochLoss[], val: [] as EpochLoss[] };
  private logScale = false;
  private rebuilding: Promise<void> = Promise.resolve();
  private trainStride = 1;
  private valStride = 1;
  private lastEpoch = -1;
  private relayout = false;

  constructor(
    private readonly fitElement: HTMLElement,
    private readonly lossElement: HTMLElement,
    private messages: Messages,
  ) {}

  /** Whether the fit chart is drawn with a validation series. */
  get hasValidation(): boolean {
    return this.data?.validation !== undefined;
  }

  /** The loss history received so far. */
  get lossHistory(): { train: readonly EpochLoss[]; val: readonly EpochLoss[] } {
    return this.history;
  }

  /**
   * Draws empty charts shaped for the next run (with or without a validation
   * set) ahead of time, so starting a run only swaps data: compiling a chart
   * takes a few hundred milliseconds, which must not happen while training.
   */
  prepare(hasValidation: boolean): Promise<void> {
    const ready = this.fit !== undefined && (this.data?.validation !== undefined) === hasValidation;
    if (ready && this.data === emptyData(hasValidation)) return this.rebuilding;
    this.data = emptyData(hasValidation);
    this.curve = EMPTY;
    this.history = { train: [], val: [] };
    if (!ready) return this.rebuild();
    this.replaceAll();
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
      (this.data?.validation !== undefined) === (started.validation !== undefined);
    this.data = { train: started.train, validation: started.validation, truth: started.truth };
    this.curve = started.curve;
    this.history = { train: [], val: [] };
    this.lastEpoch = epochs - 1;
    this.trainStride = Math.max(1, Math.ceil(epochs / LIVE_LOSS_POINTS));
    this.valStride = Math.max(1, Math.ceil(Math.ceil(epochs / valEvery) / LIVE_LOSS_POINTS));
    this.relayout = true;
    if (!ready) return this.rebuild();
    this.replaceAll();
    return this.rebuilding;
  }

  /** Empties both charts (Reset), keeping them drawn. */
  clear(): Promise<void> {
    return this.prepare(this.data?.validation !== undefined);
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

  /** The run ended: the loss chart shows the whole history, reduced exactly as `lossChart` does. */
  finish(curve: XY): void {
    this.curve = curve;
    this.fit?.replace(fitChartData.curve, rows(curve));
    if (!this.loss) return;
    this.loss.view.resize();
    this.loss.replace(lossChartData.train, this.reduced(this.history.train));
    this.loss.replace(lossChartData.val, this.reduced(this.history.val));
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

  private replaceAll(): void {
    const data = this.data;
    if (!data || !this.fit || !this.loss) return;
    this.fit.replace(fitChartData.train, rows(data.train));
    if (data.validation) this.fit.replace(fitChartData.validation, rows(data.validation));
    this.fit.replace(fitChartData.truth, rows(data.truth));
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
    const fitSpec = fitChart({
      train: data.train,
      ...(data.validation ? { validation: data.validation } : {}),
      curve: this.curve,
      truth: data.truth,
      width,
      height,
      labels: this.messages.chartLabels.fit,
    });
    const lossSpec = lossChart({
      history: { train: this.reduced(this.history.train), val: this.reduced(this.history.val) },
      logScale: this.logScale,
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
    const [fit, loss] = await Promise.all([
      createLiveChart(fitTarget, narrow ? legendBelow(fitSpec) : fitSpec),
      createLiveChart(lossTarget, narrow ? legendBelow(lossSpec) : lossSpec),
    ]);
    this.fit?.finalize();
    this.loss?.finalize();
    this.fitElement.replaceChildren(fitTarget);
    this.lossElement.replaceChildren(lossTarget);
    this.fit = fit;
    this.loss = loss;
  }
}

/** Below this width (phones) the legend goes under the plot, which keeps the plot wide. */
const NARROW_CHART = 560;

/** The same chart with its legend under the plot, in a row. */
function legendBelow(spec: ChartSpec): ChartSpec {
  const config = (spec.config ?? {}) as Record<string, unknown>;
  const legend = (config.legend ?? {}) as Record<string, unknown>;
  return {
    ...spec,
    config: {
      ...config,
      legend: { ...legend, orient: 'bottom', direction: 'horizontal', columns: 2 },
    },
  } as ChartSpec;
}

/** Chart width (axes and legend included) for the container: fits a phone, caps on wide screens. */
function chartWidth(element: HTMLElement): number {
  const available = element.clientWidth || 640;
  return Math.max(280, Math.min(1000, Math.floor(available)));
}
