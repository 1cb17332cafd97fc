import {
  type BatchSizeLabConfig,
  type LabData,
  type LabLineViewFile,
  type LabLineViewSettings,
  type LineView,
  labLineView,
  labLineViewFile,
} from '@epochlab/experiments';
import { type ChartSpec, lossSurfaceChart, lossSurfaceChartData } from '@epochlab/plot';
import { createLiveChart, type LiveChart } from '@epochlab/plot/browser';
import { html, render } from 'lit/html.js';
import { withChartLocale } from '../i18n/chart-locale.js';
import { fill, type Locale } from '../i18n/messages.js';
import { chartWidth } from '../ui/chart-container.js';
import { formatCount } from '../ui/format.js';
import { legendsBelow } from '../ui/legend-below.js';
import { nextFrame } from '../ui/next-frame.js';
import { compileChartInWorker } from '../worker/chart-compiler.js';
import type { LabMessages } from './lab-messages.js';
import { PathAnimation } from './path-animation.js';
import { batchSizeName } from './series-name-text.js';

/** What the line view needs from a lab: its training points and the lab's config. */
interface LineData {
  readonly train: LabData['train'];
  readonly config: BatchSizeLabConfig;
}

/** Where the paths start and how they step. */
interface PathSettings {
  readonly start: readonly [number, number];
  readonly lr: number;
  readonly steps: number;
}

/**
 * Grid points per axis of the loss surface. The heatmap draws one cell per
 * point and every animation frame redraws the plot, so the grid stays coarse
 * enough for a frame to take a few milliseconds (the contour lines stay smooth).
 */
const SURFACE_RESOLUTION = 40;

/** Share of the visible span an arrow key moves the start point. */
const KEY_STEP = 0.05;

/** A clicked coordinate to 3 significant digits: short in the form and the URL. */
export function roundPick(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return 0;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  return Number(value.toFixed(Math.min(digits, 6)));
}

/**
 * The two-parameter view: the loss of a line y = m x + b on the lab's training
 * points over (m, b), with each batch size's SGD and full-batch gradient
 * descent from the same start (`labLineView`, the view the CLI writes). The paths grow over animation frames (a few steps
 * per frame); a click on the surface, or the arrow keys, picks a new start
 * (`onPick`), after which the view is recomputed (`labLineView` is cheap: pure
 * numbers on this thread) and the paths replay.
 */
export class LineViewPanel {
  /** The chart and its status line. */
  readonly element: HTMLElement;
  /** Holds the button that replays the paths from the start (for the figure's caption). */
  readonly replayControl = document.createElement('span');
  /** Vega draws the surface into it; a placeholder until the lab's data is known. */
  private readonly chartElement = document.createElement('div');
  private messages: LabMessages;
  private locale: Locale;
  private data: LineData | undefined;
  private settings: PathSettings | undefined;
  private view: LineView | undefined;
  /** Each path's name in the legend, by its label. */
  private names = new Map<string, string>();
  private chart: LiveChart | undefined;
  private shown = 0;
  private building: Promise<void> = Promise.resolve();
  private rebuildQueued = false;
  /**
   * Whether the next rebuild must compile a new chart (new data, language or
   * first draw); a new start alone keeps the chart when its paths fit (see
   * {@link rebuild}).
   */
  private chartStale = true;
  private readonly animation: PathAnimation;

  constructor(
    messages: LabMessages,
    locale: Locale,
    private readonly onPick: (m: number, b: number) => void,
  ) {
    this.messages = messages;
    this.locale = locale;
    this.chartElement.id = 'line-view-chart';
    this.chartElement.className = 'chart';
    this.chartElement.tabIndex = 0;
    this.chartElement.setAttribute('role', 'group');
    this.chartElement.setAttribute('aria-describedby', 'line-view-explain');
    this.element = document.createElement('div');
    this.element.className = 'line-view';
    this.chartElement.addEventListener('keydown', (event) => this.onKey(event));
    this.animation = new PathAnimation((shown) => this.drawPaths(shown));
    this.renderTexts();
  }

  /**
   * The lab's data is known (its `start` event): draws the surface and grows
   * the paths, with the path settings of `pathConfig` (the form's, which a
   * click may have changed since the lab started).
   */
  show(data: LabData, config: BatchSizeLabConfig, pathConfig: BatchSizeLabConfig): void {
    this.data = { train: data.train, config };
    this.settings = settingsOf(pathConfig);
    this.chartStale = true;
    this.queueRebuild();
  }

  /**
   * Draws a tiny surface chart off the page while the page is idle, so that
   * the first real one (when a lab starts) does not also pay for warming up
   * the chart code: that halves its cost.
   */
  async warmUp(): Promise<void> {
    const target = document.createElement('div');
    const chart = await createLiveChart(
      target,
      lossSurfaceChart({
        surface: { m: [0, 1], b: [0, 1], values: [1, 2, 2, 3] },
        paths: [{ name: 'path', points: [{ m: 0.5, b: 0.5 }] }],
        start: { m: 0.5, b: 0.5 },
        minimum: { m: 0, b: 0 },
        width: 300,
        height: 300,
      }),
      { renderer: 'svg', compile: compileChartInWorker },
    );
    chart.finalize();
  }

  /** New start, learning rate or steps (from the form): recompute and replay when they changed. */
  setPathSettings(config: BatchSizeLabConfig): void {
    const next = settingsOf(config);
    if (this.settings && JSON.stringify(next) === JSON.stringify(this.settings)) return;
    this.settings = next;
    if (this.data) this.queueRebuild();
  }

  /** Grows the paths again from the start point. */
  replay(): void {
    if (this.view) this.animation.start(this.totalPoints());
  }

  /** Redraws in another language. */
  setMessages(messages: LabMessages, locale: Locale): void {
    this.messages = messages;
    this.locale = locale;
    this.renderTexts();
    this.chartStale = true;
    if (this.data) this.queueRebuild();
  }

  /**
   * The view shown, as the CLI's `line-view.json` holds it (its surface on
   * the CLI's grid, not the coarser one drawn); undefined before a lab started.
   */
  file(): LabLineViewFile | undefined {
    const data = this.data;
    const settings = this.settings;
    if (!data || !settings) return undefined;
    const lab = viewSettings(data.config, settings);
    return labLineViewFile(lab, labLineView(lab, data.train));
  }

  /** Resolves when the chart is drawn (tests). */
  flush(): Promise<void> {
    return this.building;
  }

  private renderTexts(): void {
    const m = this.messages;
    this.chartElement.setAttribute('aria-label', m.lineKeys);
    if (!this.data) {
      // Vega replaces the chart element's children, so the placeholder is a plain node.
      const placeholder = document.createElement('p');
      placeholder.className = 'chart-placeholder';
      placeholder.textContent = m.lineWaiting;
      this.chartElement.replaceChildren(placeholder);
    }
    this.renderStatus();
  }

  /** Draws the chart element with its status line under it, and the replay button. */
  private renderStatus(): void {
    render(
      html`${this.chartElement}<p id="line-view-status" class="line-view-status">${this.statusText()}</p>`,
      this.element,
    );
    render(
      html`<button
        type="button"
        id="replay-paths"
        ?disabled=${this.chart === undefined}
        @click=${() => this.replay()}
      >${this.messages.replay}</button>`,
      this.replayControl,
    );
  }

  /** Where the paths are: their start and step, or how to pick a start before there is a view. */
  private statusText(): string {
    const settings = this.settings;
    const total = this.totalPoints();
    if (!settings || !this.view) return this.messages.pickHint;
    const [m, b] = settings.start;
    const step = Math.max(0, Math.min(this.shown, total) - 1);
    let text = fill(this.messages.lineStatus, {
      m: String(m),
      b: String(b),
      step: formatCount(step, this.locale),
      steps: formatCount(settings.steps, this.locale),
    });
    if (this.view.paths.some((path) => path.diverged)) text += ` ${this.messages.lineDiverged}`;
    this.chartElement.dataset.start = `${m},${b}`;
    this.chartElement.dataset.shown = String(this.shown);
    this.chartElement.dataset.total = String(total);
    return text;
  }

  private totalPoints(): number {
    return Math.max(0, ...(this.view?.paths.map((path) => path.points.length) ?? [0]));
  }

  /** Rebuilds once per frame at most, however many changes arrive (arrow keys held down). */
  private queueRebuild(): void {
    if (this.rebuildQueued) return;
    this.rebuildQueued = true;
    this.building = this.building
      .then(() => nextFrame())
      .then(() => {
        this.rebuildQueued = false;
        return this.rebuild();
      })
      .catch((error: unknown) => {
        console.error(error);
      });
  }

  private async rebuild(): Promise<void> {
    const data = this.data;
    const settings = this.settings;
    if (!data || !settings) return;
    this.animation.cancel();
    const next = labLineView(viewSettings(data.config, settings), data.train, {
      resolution: SURFACE_RESOLUTION,
    });
    this.names = new Map(
      next.paths.map((path) => [path.label, batchSizeName(path, data.config.n, this.messages)]),
    );
    const shown = this.view;
    if (!this.chartStale && this.chart && shown && fitsSurface(next, shown.surface)) {
      // Same frame: compiling a chart costs a long task (100 ms and more), so a
      // new start whose paths stay on the surface shown only moves the start
      // marker and replays the paths over the same heatmap.
      this.view = { ...next, surface: shown.surface };
      this.chart.replace(lossSurfaceChartData.markers, [
        { kind: 'start', m: settings.start[0], b: settings.start[1] },
        { kind: 'minimum', m: next.minimum.m, b: next.minimum.b },
      ]);
      this.shown = 0;
      this.drawPaths(1);
      this.animation.start(this.totalPoints());
      return;
    }
    this.view = next;
    const spec = this.spec(next, settings);
    // Computing the view and compiling its chart are two tasks, not one long one.
    await nextFrame();
    if (this.data !== data || this.settings !== settings) return; // replaced meanwhile
    const target = document.createElement('div');
    // SVG: a frame that adds path points creates only their elements, where a
    // canvas would repaint the whole surface under them.
    const chart = await createLiveChart(target, spec, {
      renderer: 'svg',
      compile: compileChartInWorker,
    });
    this.chart?.finalize();
    this.chartElement.replaceChildren(target);
    this.chart = chart;
    this.chartStale = false;
    this.shown = 1; // the spec holds each path's first point
    chart.view.addEventListener('click', (event) => this.onClick(event as MouseEvent));
    this.renderStatus();
    this.animation.start(this.totalPoints());
  }

  private spec(view: LineView, settings: PathSettings): ChartSpec {
    const labels = this.messages.chartLabels;
    const width = chartWidth(this.chartElement);
    const narrow = width < 560;
    const height = Math.round(narrow ? width * 1.05 : Math.min(520, width * 0.62));
    const spec = lossSurfaceChart({
      surface: view.surface,
      // The paths start as their first point; the animation grows them.
      paths: view.paths.map((path) => ({
        name: this.names.get(path.label) ?? path.label,
        points: path.points.slice(0, 1),
      })),
      start: { m: settings.start[0], b: settings.start[1] },
      minimum: view.minimum,
      width,
      height,
      labels: {
        m: labels.slope,
        b: labels.intercept,
        loss: labels.loss,
        start: labels.start,
        minimum: labels.minimum,
      },
    });
    return withChartLocale(narrow ? legendsBelow(spec) : spec, this.locale);
  }

  /**
   * Shows the first `shown` points of every path: appends the new steps (a
   * replay from the start replaces the rows), so a frame adds a few marks
   * instead of redrawing every path.
   */
  private drawPaths(shown: number): void {
    const view = this.view;
    const chart = this.chart;
    const from = shown >= this.shown ? this.shown : 0;
    this.shown = shown;
    if (!view || !chart) return;
    const rows = view.paths.flatMap((path) =>
      path.points.slice(from, shown).map((point, i) => ({
        series: this.names.get(path.label) ?? path.label,
        step: from + i,
        m: point.m,
        b: point.b,
      })),
    );
    if (from === 0) chart.replace(lossSurfaceChartData.paths, rows);
    else if (rows.length > 0) chart.append(lossSurfaceChartData.paths, rows);
    this.renderStatus();
  }

  /** The (m, b) under a click, by inverting the chart's scales; undefined outside the plot. */
  private pointAt(event: MouseEvent): [number, number] | undefined {
    const view = this.chart?.view;
    const surface = this.chartElement.querySelector('canvas, svg');
    if (!view || !surface) return undefined;
    const box = surface.getBoundingClientRect();
    const [originX, originY] = view.origin();
    const x = event.clientX - box.left - originX;
    const y = event.clientY - box.top - originY;
    if (x < 0 || y < 0 || x > view.width() || y > view.height()) return undefined;
    const m = view.scale('x')?.invert(x);
    const b = view.scale('y')?.invert(y);
    if (typeof m !== 'number' || typeof b !== 'number') return undefined;
    return [roundPick(m), roundPick(b)];
  }

  private onClick(event: MouseEvent): void {
    const point = this.pointAt(event);
    if (point) this.onPick(point[0], point[1]);
  }

  private onKey(event: KeyboardEvent): void {
    const view = this.view;
    const settings = this.settings;
    if (!view || !settings) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.replay();
      return;
    }
    const spanM = (view.surface.m.at(-1) ?? 1) - (view.surface.m[0] ?? 0);
    const spanB = (view.surface.b.at(-1) ?? 1) - (view.surface.b[0] ?? 0);
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-spanM * KEY_STEP, 0],
      ArrowRight: [spanM * KEY_STEP, 0],
      ArrowUp: [0, spanB * KEY_STEP],
      ArrowDown: [0, -spanB * KEY_STEP],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    this.onPick(roundPick(settings.start[0] + move[0]), roundPick(settings.start[1] + move[1]));
  }
}

/**
 * Whether every path point of `view` (each path starts at the start point)
 * lies within `surface`'s (m, b) ranges, edges included.
 */
export function fitsSurface(view: LineView, surface: LineView['surface']): boolean {
  const [mLow, mHigh] = [surface.m[0] ?? 0, surface.m.at(-1) ?? 0];
  const [bLow, bHigh] = [surface.b[0] ?? 0, surface.b.at(-1) ?? 0];
  const inside = ({ m, b }: { m: number; b: number }) =>
    m >= mLow && m <= mHigh && b >= bLow && b <= bHigh;
  return view.paths.every((path) => path.points.every(inside));
}

/** The lab's config with the paths' settings of the view. */
function viewSettings(config: BatchSizeLabConfig, settings: PathSettings): LabLineViewSettings {
  return { ...config, pathStart: settings.start, pathLr: settings.lr, pathSteps: settings.steps };
}

function settingsOf(config: BatchSizeLabConfig): PathSettings {
  return {
    start: [config.pathStart[0], config.pathStart[1]],
    lr: config.pathLr,
    steps: config.pathSteps,
  };
}
