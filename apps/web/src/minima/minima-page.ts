import {
  escapeShareSeries,
  type LocalMinimaConfig,
  type LocalMinimaRow,
  unsettledShareSeries,
} from '@epochlab/experiments';
import { bandChart, type ChartSpec, lossSurfaceChart, lossSurfaceChartData } from '@epochlab/plot';
import { createLiveChart, type LiveChart } from '@epochlab/plot/browser';
import { html, nothing, render } from 'lit/html.js';
import { withChartLocale } from '../i18n/chart-locale.js';
import type { Locale } from '../i18n/messages.js';
import { problemText } from '../i18n/problem-text.js';
import { PathAnimation } from '../lab/path-animation.js';
import { reopenInLanguage } from '../shell/page-links.js';
import { PageShell, type UrlProblemLine } from '../shell/page-shell.js';
import { chartWidth } from '../ui/chart-container.js';
import { legendBelow, legendsBelow } from '../ui/legend-below.js';
import { WorkerSession } from '../ui/worker-session.js';
import { compileChartInWorker } from '../worker/chart-compiler.js';
import { startPageWorker } from '../worker/start-page-worker.js';
import { MINIMA_MESSAGES, type MinimaMessages } from './minima-messages.js';
import type { MinimaMessage, MinimaStart } from './minima-protocol.js';
import { minimaFlagOf, readMinimaUrl } from './minima-url.js';
import './minima.css';

type Done = Extract<MinimaMessage, { type: 'done' }>;

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** Below this width (phones) a chart's legend goes under its plot, which keeps the plot wide. */
const NARROW_CHART = 520;
/** Height of the loss gradient above a phone's surface plot, and of a legend row under it, in px. */
const PHONE_GRADIENT = 70;
const PHONE_LEGEND_ROW = 22;

type PageState = 'idle' | 'running' | 'done' | 'error';

/**
 * The local-minima page (`?experiment=local-minima`): runs the study of the
 * link's config in a worker, fills the table cell by cell, then draws the
 * loss surface with the full-batch path and the SGD paths growing over a
 * second and a half, and the escape and unsettled shares. English or Spanish
 * (`lang`); everything it shows is computed in `@epochlab/experiments`.
 */
export class MinimaPage {
  private readonly messages: MinimaMessages;
  private readonly config: LocalMinimaConfig;
  private readonly root = document.createElement('div');
  private state: PageState = 'idle';
  /** The status line: the study's progress, how it ended, or why it failed. */
  private progress = '';
  /** What the finished study shows, in two sentences. */
  private reading = '';
  /** The surface chart's title when it is shown above the chart (phones), not in it. */
  private surfaceCaption: string | undefined;
  /** The charts' containers (Vega draws into them). */
  private readonly chartBoxes = {
    surface: chartBox('surface-chart'),
    escapeByBatch: chartBox('escape-batch-chart'),
    escapeByLr: chartBox('escape-lr-chart'),
    unsettled: chartBox('unsettled-chart'),
  };
  private readonly charts: LiveChart[] = [];
  private rows: LocalMinimaRow[] = [];
  private readonly session: WorkerSession<MinimaStart, MinimaMessage>;
  private readonly shell: PageShell;
  /** The page's own content, inside the shell. */
  private readonly content = document.createElement('main');
  /** The link's bad values, one line each, for the shell's alert. */
  private readonly problemLines: readonly UrlProblemLine[];
  private animation: PathAnimation | undefined;
  private startedAt = 0;

  constructor(
    private readonly locale: Locale,
    search: string,
  ) {
    this.messages = MINIMA_MESSAGES[locale];
    const state = readMinimaUrl(search);
    this.config = state.config;
    const m = this.messages;
    this.root.className = 'app minima';
    this.root.dataset.state = this.state;
    this.session = new WorkerSession<MinimaStart, MinimaMessage>(
      () => startPageWorker('minima'),
      {
        cell: (message) => {
          this.rows.push(message.row);
          this.progress = m.running(message.done, message.total);
          this.renderContent();
        },
        done: (message) => void this.show(message),
        error: (message) => this.fail(message.message),
      },
      (reason) => this.fail(reason),
    );
    // The study's results are not kept: the page opens again in the other language.
    this.shell = new PageShell(this.root, 'minima', () =>
      reopenInLanguage(locale === 'en' ? 'es' : 'en'),
    );
    this.problemLines = state.problems.map((problem) => ({
      key: problem.key,
      text: `${minimaFlagOf(problem.key)} ${problemText(problem.problem, locale)}`,
    }));
  }

  /** Puts the page in `container`. */
  mount(container: HTMLElement): void {
    document.title = `${this.messages.title} — epochlab`;
    container.replaceChildren(this.root);
    this.shell.render({
      locale: this.locale,
      title: this.messages.title,
      tagline: this.messages.intro,
      urlProblems: { heading: this.messages.badLink, lines: this.problemLines },
      content: this.content,
    });
    this.renderContent();
  }

  /** Draws the run button, the status, the reading, the chart containers and the table so far. */
  private renderContent(): void {
    const m = this.messages;
    const t = m.table;
    const number = new Intl.NumberFormat(this.locale);
    const titles = [t.lr, t.batch, t.global, t.start, t.other, t.diverged, t.unsettled, t.steps];
    const cells = (row: LocalMinimaRow) => [
      number.format(row.lr),
      m.batch(row.label),
      percent(row.globalShare),
      percent(row.startShare),
      percent(row.otherShare),
      percent(row.divergedShare),
      percent(row.unsettledShare),
      row.medianStepsToGlobal === null ? '–' : number.format(row.medianStepsToGlobal),
    ];
    render(
      html`<button
          id="run-minima"
          type="button"
          ?disabled=${this.state === 'running'}
          @click=${() => this.run()}
        >${m.run}</button>
        <p id="minima-progress" role="status">${this.progress}</p>
        <p id="minima-reading">${this.reading}</p>
        ${this.surfaceCaption === undefined ? nothing : html`<h3 class="chart-caption">${this.surfaceCaption}</h3>`}
        ${this.chartBoxes.surface}${this.chartBoxes.escapeByBatch}${this.chartBoxes.escapeByLr}${this.chartBoxes.unsettled}
        <div class="table-scroll"><table id="minima-table">
          <thead><tr>${titles.map((title) => html`<th scope="col">${title}</th>`)}</tr></thead>
          <tbody>${this.rows.map(
            (row) => html`<tr>${cells(row).map((text) => html`<td>${text}</td>`)}</tr>`,
          )}</tbody>
        </table></div>`,
      this.content,
    );
  }

  private setState(state: PageState): void {
    this.state = state;
    this.root.dataset.state = state;
    this.renderContent();
  }

  private run(): void {
    this.rows = [];
    this.reading = '';
    this.animation?.cancel();
    for (const chart of this.charts.splice(0)) chart.finalize();
    this.startedAt = performance.now();
    this.setState('running');
    this.session.start((runId) => ({ type: 'start', runId, config: this.config }));
  }

  private fail(reason: string): void {
    this.progress = this.messages.failed(reason);
    this.setState('error');
  }

  private async show(done: Done): Promise<void> {
    const m = this.messages;
    const c = this.config;
    const seconds = ((performance.now() - this.startedAt) / 1000).toFixed(1);
    const number = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 3 });
    this.reading = `${m.stays(done.summary.fullBatch.steps, number.format(done.summary.fullBatch.loss))} ${m.escapes(done.summary.sgdPathsInGlobal, done.summary.sgdPaths, c.pathBatchSize, c.pathLr)}`;
    // Charts as wide as their container: a phone's 390 px, up to 900 px on wide screens.
    const width = chartWidth(this.chartBoxes.surface);
    const narrow = width < NARROW_CHART;
    this.surfaceCaption = narrow ? m.surfaceTitle : undefined;
    this.renderContent();
    const plotHeight = Math.round(Math.min(320, Math.max(220, width * 0.62)));
    const global = done.summary.valleys[done.summary.globalValley];
    const names = done.paths.map((path) =>
      path.kind === 'full-batch' ? m.fullBatch(c.n) : m.sgdPath(c.pathBatchSize, path.seed),
    );
    const surfaceSpec = lossSurfaceChart({
      // A phone gets the title above the chart instead: in the chart, a title wider than the
      // plot squeezes the plot to nothing once the legends sit above and under it.
      ...(narrow ? {} : { title: m.surfaceTitle }),
      surface: { m: done.surface.w, b: done.surface.a, values: done.surface.values },
      // Each path starts as its first point (the animation grows it), as the lab's surface does.
      paths: names.map((name, index) => ({
        name,
        points: (done.paths[index]?.points ?? [])
          .slice(0, 1)
          .map((point) => ({ m: point.w, b: point.a })),
      })),
      start: { m: c.start[0], b: c.start[1] },
      ...(global ? { minimum: { m: global.minimum.w, b: global.minimum.a } } : {}),
      width,
      // On a phone the legend (a row per path, the start, the minimum) and the loss gradient sit
      // under and above the plot: room for them, so that the plot keeps about a square.
      height: narrow
        ? Math.round(width + PHONE_GRADIENT + (names.length + 2) * PHONE_LEGEND_ROW)
        : Math.round(Math.min(520, width * 0.62)),
      labels: {
        m: m.frequency,
        b: m.amplitude,
        loss: m.loss,
        start: m.start,
        minimum: m.globalMinimum,
      },
    });
    const rows = done.summary.rows;
    const batchName = (row: LocalMinimaRow) => m.batch(row.label);
    const band = (spec: Parameters<typeof bandChart>[0]): ChartSpec => {
      // On a phone the legend sits under the plot, two entries a row: room for its rows, its
      // title and the space above it.
      const legendRows = narrow ? Math.ceil(spec.series.length / 2) : 0;
      const height =
        plotHeight + legendRows * PHONE_LEGEND_ROW + (narrow ? 3 * PHONE_LEGEND_ROW : 0);
      const chart = bandChart({ ...spec, width, height });
      return narrow ? legendBelow(chart) : chart;
    };
    const specs: [HTMLElement, ChartSpec][] = [
      [
        this.chartBoxes.surface,
        // The paths' names ("batch 1, seed 1") are too long for two a row on a phone.
        narrow ? legendsBelow(surfaceSpec, true) : surfaceSpec,
      ],
      [
        this.chartBoxes.escapeByBatch,
        band({
          title: m.escapeByBatchTitle,
          series: escapeShareSeries(rows, 'batchSize', (row) => `lr ${row.lr}`),
          xTitle: m.batchSizeAxis(c.seeds),
          yTitle: m.shareAxis,
          logX: true,
          legendTitle: m.learningRate,
        }),
      ],
      [
        this.chartBoxes.escapeByLr,
        band({
          title: m.escapeByLrTitle,
          series: escapeShareSeries(rows, 'lr', batchName),
          xTitle: m.lrAxis(c.seeds),
          yTitle: m.shareAxis,
        }),
      ],
      [
        this.chartBoxes.unsettled,
        band({
          title: m.unsettledTitle,
          series: unsettledShareSeries(rows, batchName),
          xTitle: m.lrAxisPlain,
          yTitle: m.unsettledAxis,
        }),
      ],
    ];
    for (const [box, spec] of specs) {
      this.charts.push(
        await createLiveChart(box, withChartLocale(spec, this.locale), {
          compile: compileChartInWorker,
        }),
      );
    }
    const surfaceChart = this.charts[0];
    const longest = Math.max(...done.paths.map((path) => path.points.length));
    this.animation = new PathAnimation((shown, finished) => {
      const pathRows = done.paths.flatMap((path, index) =>
        path.points.slice(0, shown).map((point, step) => ({
          series: names[index] as string,
          step,
          m: point.w,
          b: point.a,
        })),
      );
      surfaceChart?.replace(lossSurfaceChartData.paths, pathRows);
      if (finished) {
        this.progress = m.done(rows.length, c.seeds, seconds);
        this.setState('done');
      }
    });
    this.animation.start(longest);
  }
}

/** A chart's container (Vega draws into it). */
function chartBox(id: string): HTMLElement {
  const element = document.createElement('div');
  element.id = id;
  element.className = 'chart';
  return element;
}
