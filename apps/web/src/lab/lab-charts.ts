import {
  type BatchSizeGroup,
  type BatchSizeGroupInfo,
  type BatchSizeLabConfig,
  batchSizeGroupInfos,
} from '@epochlab/experiments';
import { bandChart, bandChartData, type ChartSpec } from '@epochlab/plot';
import { createLiveChart, type LiveChart } from '@epochlab/plot/browser';
import { withChartLocale } from '../i18n/chart-locale.js';
import type { Locale } from '../i18n/messages.js';
import { chartContainer, chartWidth } from '../ui/chart-container.js';
import { legendBelow } from '../ui/legend-below.js';
import { nextFrame } from '../ui/next-frame.js';
import { compileChartInWorker } from '../worker/chart-compiler.js';
import { type BandChartKind, bandSeries, type LossAxis } from './band-series.js';
import { bandWidthText } from './band-width-text.js';
import type { LabMessages } from './lab-messages.js';
import { batchSizeName } from './series-name-text.js';

const KINDS: readonly BandChartKind[] = ['loss', 'val', 'cosine', 'variance'];

/**
 * The lab's four band charts (training loss against epochs or gradient
 * steps, validation loss, gradient cosine, gradient variance): a mean line
 * and a band per batch size, filled in as each batch size finishes.
 *
 * The charts are compiled while the page is idle, with every batch size's
 * name (so colours never move); a finished batch size only replaces the
 * chart's rows. A chart is recompiled only when its look changes (a toggle,
 * the language, other batch sizes), one chart per animation frame, so the
 * page never does all four at once.
 */
export class LabCharts {
  /**
   * What to place in the page per chart: the chart, and for the training
   * loss the run's reading of its bands under it.
   */
  readonly elements: Readonly<Record<BandChartKind, HTMLElement>>;
  /** The chart containers (`#loss-chart`, ...), each an image named by its figure. */
  private readonly chartElements: Readonly<Record<BandChartKind, HTMLElement>>;
  /** Which batch size's seeds agree most and least in this run (`bandWidthText`). */
  private readonly lossReading = document.createElement('p');
  private messages: LabMessages;
  private locale: Locale;
  private infos: BatchSizeGroupInfo[] = [];
  /** The lab's training points: a batch size of n is the full batch. */
  private n = 0;
  private groups: (BatchSizeGroup | undefined)[] = [];
  private hasValidation = true;
  private axis: LossAxis = 'epoch';
  private readonly logScale: Record<BandChartKind, boolean> = {
    loss: false,
    val: false,
    cosine: false,
    variance: false,
  };
  private readonly charts: Partial<Record<BandChartKind, LiveChart>> = {};
  private readonly pending = new Set<BandChartKind>();
  private drawing: Promise<void> | undefined;

  constructor(messages: LabMessages, locale: Locale) {
    this.messages = messages;
    this.locale = locale;
    const element = (kind: BandChartKind) =>
      chartContainer(
        `${kind}-chart`,
        kind === 'loss' ? 'loss-chart-reading loss-chart-explain' : `${kind}-chart-explain`,
      );
    this.lossReading.className = 'explain band-reading';
    this.lossReading.id = 'loss-chart-reading';
    const loss = element('loss');
    const withReading = document.createElement('div');
    withReading.className = 'chart-with-reading';
    withReading.append(loss, this.lossReading);
    this.chartElements = {
      loss,
      val: element('val'),
      cosine: element('cosine'),
      variance: element('variance'),
    };
    this.elements = {
      ...this.chartElements,
      loss: withReading,
    };
  }

  /**
   * Empty charts for the batch sizes of `config`: compiled while the page is
   * idle; when the batch sizes are the ones drawn, only their rows are emptied.
   */
  prepare(config: BatchSizeLabConfig): Promise<void> {
    const infos = batchSizeGroupInfos(config);
    const hasValidation = config.valN > 0;
    const sameLook =
      JSON.stringify(infos) === JSON.stringify(this.infos) &&
      this.n === config.n &&
      this.hasValidation === hasValidation &&
      KINDS.every((kind) => this.charts[kind] || (kind === 'val' && !hasValidation));
    this.infos = infos;
    this.n = config.n;
    this.hasValidation = hasValidation;
    if (sameLook) {
      if (this.groups.some((group) => group !== undefined)) {
        this.groups = [];
        this.updateReading();
        for (const kind of KINDS) {
          this.charts[kind]?.replace(bandChartData.bands, []);
          this.chartElements[kind].dataset.filled = '0';
        }
      }
      return this.drawing ?? Promise.resolve();
    }
    this.groups = [];
    this.updateReading();
    return this.redraw(KINDS);
  }

  /** A lab started: its batch sizes, no results yet. */
  start(infos: readonly BatchSizeGroupInfo[], config: BatchSizeLabConfig): void {
    const changed =
      JSON.stringify(infos) !== JSON.stringify(this.infos) ||
      this.n !== config.n ||
      this.hasValidation !== config.valN > 0 ||
      this.groups.some((group) => group !== undefined);
    this.infos = [...infos];
    this.n = config.n;
    this.hasValidation = config.valN > 0;
    this.groups = [];
    this.updateReading();
    if (changed) void this.redraw(KINDS);
  }

  /**
   * One batch size finished: its bands join every chart, as new rows of the
   * drawn charts (no recompiling; the colours were fixed for every batch size
   * when the charts were drawn).
   */
  addGroup(index: number, group: BatchSizeGroup): void {
    this.groups[index] = group;
    // One chart per frame: four charts redrawn in one frame would block the page.
    let frame = Promise.resolve();
    for (const kind of KINDS) {
      frame = frame.then(nextFrame).then(() => {
        const chart = this.charts[kind];
        if (!chart || this.pending.has(kind)) return;
        const rows = this.spec(kind, 300).datasets?.[bandChartData.bands] ?? [];
        chart.replace(bandChartData.bands, rows as Record<string, unknown>[]);
        this.chartElements[kind].dataset.filled = String(this.filled);
      });
    }
    this.updateReading();
  }

  /** Switches a chart's y axis between linear and log. */
  setLogScale(kind: BandChartKind, on: boolean): Promise<void> {
    this.logScale[kind] = on;
    return this.redraw([kind]);
  }

  /** Puts the training loss against epochs or gradient steps. */
  setLossAxis(axis: LossAxis): Promise<void> {
    this.axis = axis;
    return this.redraw(['loss']);
  }

  /** Redraws with another language's labels and number format. */
  setMessages(messages: LabMessages, locale: Locale): Promise<void> {
    this.messages = messages;
    this.locale = locale;
    this.updateReading();
    return this.redraw(KINDS);
  }

  /** Says which batch size's training-loss band is narrowest and widest (against epochs). */
  private updateReading(): void {
    const series = bandSeries('loss', this.infos, this.groups, {
      axis: 'epoch',
      name: (info) => batchSizeName(info, this.n, this.messages),
    });
    this.lossReading.textContent = bandWidthText(series, this.messages);
  }

  /** Resolves once every queued redraw has been drawn. */
  async flush(): Promise<void> {
    while (this.drawing) await this.drawing;
  }

  /** The number of batch sizes each chart shows data for (for tests and screen readers). */
  get filled(): number {
    return this.groups.filter((group) => group !== undefined).length;
  }

  private redraw(kinds: readonly BandChartKind[]): Promise<void> {
    for (const kind of kinds) this.pending.add(kind);
    if (!this.drawing) {
      this.drawing = this.drainQueue().finally(() => {
        this.drawing = undefined;
      });
    }
    return this.drawing;
  }

  private async drainQueue(): Promise<void> {
    while (this.pending.size > 0) {
      await nextFrame();
      const kind = this.pending.values().next().value as BandChartKind;
      this.pending.delete(kind);
      try {
        await this.draw(kind);
      } catch (error) {
        console.error(error);
      }
    }
  }

  private spec(kind: BandChartKind, width: number): ChartSpec {
    const labels = this.messages.chartLabels;
    const series = bandSeries(kind, this.infos, this.groups, {
      axis: this.axis,
      name: (info) => batchSizeName(info, this.n, this.messages),
    });
    const xTitle = kind === 'loss' && this.axis === 'step' ? labels.step : labels.epoch;
    // The figure's caption names the chart; the axis keeps a short title that fits a phone.
    const yTitle = {
      loss: labels.loss,
      val: labels.loss,
      cosine: labels.cosine,
      variance: labels.variance,
    }[kind];
    const spec = bandChart({
      series,
      xTitle,
      yTitle,
      logScale: this.logScale[kind],
      // Gradient steps span two orders of magnitude between batch size 1 and the
      // full batch: a log axis shows every batch size's whole curve.
      logX: kind === 'loss' && this.axis === 'step',
      width,
      height: Math.round(Math.min(320, Math.max(220, width * 0.62))),
    });
    return withChartLocale(width < NARROW_CHART ? legendBelow(spec) : spec, this.locale);
  }

  private async draw(kind: BandChartKind): Promise<void> {
    const element = this.chartElements[kind];
    element.dataset.filled = String(this.filled);
    if (kind === 'val' && !this.hasValidation) {
      this.charts[kind]?.finalize();
      delete this.charts[kind];
      const placeholder = document.createElement('p');
      placeholder.className = 'chart-placeholder';
      placeholder.textContent = this.messages.noValidation;
      element.replaceChildren(placeholder);
      return;
    }
    const width = chartWidth(element);
    const target = document.createElement('div');
    const drawnGroups = [...this.groups];
    const chart = await createLiveChart(target, this.spec(kind, width), {
      compile: compileChartInWorker,
    });
    this.charts[kind]?.finalize();
    element.replaceChildren(target);
    this.charts[kind] = chart;
    // A batch size that finished while the chart compiled (`addGroup` had no
    // chart of this spec to add it to) joins it now.
    const changed =
      drawnGroups.length !== this.groups.length ||
      this.groups.some((group, index) => group !== drawnGroups[index]);
    if (changed) {
      const rows = this.spec(kind, width).datasets?.[bandChartData.bands] ?? [];
      chart.replace(bandChartData.bands, rows as Record<string, unknown>[]);
    }
    element.dataset.filled = String(this.filled);
  }
}

/** Below this width (phones) the legend goes under the plot, which keeps the plot wide. */
const NARROW_CHART = 520;
